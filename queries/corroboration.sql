-- title: Corroborated figures
-- description: The same figure from the same speaker (canonical entity, unit, amount within a relative tolerance) found in several articles or languages, with the number of sources and languages. The article's own voice is not a speaker here.
-- param: tolerance (number) - relative difference within which two amounts are the same figure (default: 0.01)
-- param: min_sources (integer) - list figures found in at least this many articles (default: 2)
with figures as (
    select claim_id, article, lang, speaker, unit, value, surface, claim_date
    from claims
    where speaker is not null
),

pairs as (
    select
        a.claim_id as anchor,
        b.claim_id,
        b.article,
        b.lang,
        b.speaker,
        b.unit,
        b.value,
        b.surface,
        b.claim_date
    from figures as a
    inner join figures as b
        on a.speaker = b.speaker
        and a.unit = b.unit
        and abs(a.value - b.value)
            <= coalesce(cast($tolerance as double), 0.01)
            * greatest(abs(a.value), abs(b.value), 1e-12)
),

groups as (
    select
        anchor,
        any_value(speaker) as speaker,
        any_value(unit) as unit,
        min(value) as value_min,
        max(value) as value_max,
        count(distinct article) as sources,
        count(distinct lang) as languages,
        list_sort(list_distinct(list(lang))) as langs,
        list_sort(list_distinct(list(article))) as articles,
        list_sort(list_distinct(list(surface))) as surfaces,
        min(claim_date) as first_claimed,
        list_sort(list_distinct(list(claim_id))) as members
    from pairs
    group by anchor
),

distinct_groups as (
    select distinct on (members) *
    from groups
    order by members, anchor
)

select
    speaker,
    unit,
    value_min,
    value_max,
    sources,
    languages,
    langs,
    surfaces,
    articles,
    first_claimed
from distinct_groups
where sources >= coalesce(cast($min_sources as integer), 2)
order by sources desc, languages desc, speaker, value_min
