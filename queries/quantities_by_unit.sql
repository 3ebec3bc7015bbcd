-- title: Quantities by unit and dimension
-- description: How many claims each canonical unit has, grouped by dimension, with the smallest, largest and median value.
with by_unit as (
    select
        dimension,
        unit,
        count(*) as claims,
        min(value) as smallest,
        median(value) as median,
        max(value) as largest,
        list_sort(list_distinct(list(lang))) as langs
    from claims
    group by all
)
select *
from by_unit
order by dimension, claims desc, unit
