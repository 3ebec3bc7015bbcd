-- title: Claims timeline
-- description: Claims per month of the date they were made (or published), with their speakers; claims with no date are counted as undated.
-- param: since (date) - first day to include, YYYY-MM-DD (default: no limit)
-- param: until (date) - last day to include, YYYY-MM-DD (default: no limit)
with dated as (
    select
        coalesce(claim_date, published_date) as said_on,
        coalesce(speaker, '(article)') as speaker
    from claims
),
in_range as (
    select *
    from dated
    where ($since is null or said_on >= cast($since as date))
      and ($until is null or said_on <= cast($until as date))
)
select
    coalesce(strftime(date_trunc('month', said_on), '%Y-%m'), 'undated') as month,
    count(*) as claims,
    list_sort(list_distinct(list(speaker))) as speakers
from in_range
group by all
order by month
