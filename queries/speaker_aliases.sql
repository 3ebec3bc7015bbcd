-- title: One speaker's aliases across languages
-- description: Every surface form under which a canonical speaker was found, with the languages, and how many claims each form carries.
-- param: speaker (text) - a name or any alias, matched case-insensitively as a substring (required)
with entity as (
    select name, aliases, langs
    from entities
    where contains(lower(name), lower($speaker))
       or len(list_filter(aliases, lambda a: contains(lower(a), lower($speaker)))) > 0
),
forms as (
    select e.name, unnest(e.aliases) as alias
    from entity e
)
select
    f.name as speaker,
    f.alias,
    list_sort(list_distinct(list(c.lang) filter (where c.lang is not null))) as langs,
    count(c.claim_id) as claims
from forms f
left join claims c on c.speaker_surface = f.alias
group by all
order by speaker, claims desc, alias
