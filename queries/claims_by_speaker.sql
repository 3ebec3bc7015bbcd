-- title: Claims by speaker
-- description: How many quantity claims each canonical speaker made, in how many articles and languages. The article's own voice is listed as (article).
-- param: min_claims (integer) - list speakers with at least this many claims (default: 1)
with by_speaker as (
    select
        coalesce(speaker, '(article)') as speaker,
        count(*) as claims,
        count(distinct article) as articles,
        list_sort(list_distinct(list(lang))) as langs,
        list_sort(list_distinct(list(unit))) as units
    from claims
    group by all
)
select *
from by_speaker
where claims >= coalesce(cast($min_claims as integer), 1)
order by claims desc, speaker
