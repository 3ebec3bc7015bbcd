-- title: Largest amounts per currency
-- description: The biggest money figures in each currency, with who stated them and where.
-- param: top (integer) - how many amounts per currency (default: 5)
with money as (
    select
        unit as currency,
        value,
        bound,
        surface,
        coalesce(speaker, '(article)') as speaker,
        article,
        lang,
        row_number() over (partition by unit order by value desc, claim_id) as rank
    from claims
    where dimension = 'currency'
)
select currency, rank, value, bound, surface, speaker, article, lang
from money
where rank <= coalesce(cast($top as integer), 5)
order by currency, rank
