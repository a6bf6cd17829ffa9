-- Published structures close to a project (Directory.similar), in its département. Candidates come
-- from indexes, each kind at most 50: structures sharing words with the idea (French full text, any
-- word, best ranked first); when too few, names with one of its words misspelt (trigram word
-- similarity); and the most relevant structures of the same sector. The candidates are ranked by
-- full-text rank (plus 0.3 for a misspelt word), then same sector, same pôle, same commune; by name.
-- Also run as is by bench/orientation.sh.
with words as materialized (select public.any_word_query(:text) as query),
textual as (
    select s.id, ts_rank(s.search_vector, words.query) * 2 as text_score
    from directory.structure s, words
    where s.search_vector @@ public.any_word_query(:text) and s.published and s.departement_code = :departement
    order by text_score desc, s.search_name
    limit 50
),
misspelt as (
    select s.id, 0.3 as text_score
    from directory.structure s
    where (select count(*) from textual) < :limit
      and s.search_name %> any(public.significant_words(:text)) and s.published and s.departement_code = :departement
    order by s.search_name
    limit 50
),
same_sector as (
    select s.id, 0 as text_score
    from directory.structure s
    where s.published and s.departement_code = :departement and s.sector = :sector
    order by s.pole_slug = :pole desc nulls last, s.commune_code = :commune desc, s.search_name
    limit :limit
),
picked as (
    select id, sum(text_score) as text_score
    from (select * from textual union all select * from misspelt union all select * from same_sector) as found
    group by id
)
select s.* from picked c join directory.structure s on s.id = c.id
order by c.text_score
         + case when s.sector = :sector then 0.5 else 0 end
         + case when s.pole_slug = :pole then 0.2 else 0 end
         + case when s.commune_code = :commune then 0.2 else 0 end desc,
         s.search_name, s.id
limit :limit
