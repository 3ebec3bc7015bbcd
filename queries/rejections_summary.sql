-- title: Rejections summary
-- description: What could not become a record, by stage and reason, with an example file for each.
with reasons as (
    select
        stage,
        regexp_replace(reason, '[0-9][0-9,]*', 'N', 'g') as reason,
        article
    from rejections
)
select stage, reason, count(*) as rejections, min(article) as example
from reasons
group by all
order by rejections desc, stage, reason
