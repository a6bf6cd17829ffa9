-- Projects close to a new one (Projects.similar), in its département. Candidates come from indexes,
-- each kind at most 50: projects of the pôles the viewer follows (:followed) sharing words with the
-- idea (French full text, any word, best ranked first); when too few, their titles with one of its
-- words misspelt (trigram word similarity, pg_trgm.word_similarity_threshold); and the most relevant
-- projects of the same sector, whoever follows them (their words are never compared: a title or a
-- description of another pôle must not be guessed by trying words). The
-- candidates are ranked by full-text rank (plus 0.3 for a misspelt word), then same sector, same pôle,
-- same commune; the most recent first.
-- Also run as is by bench/orientation.sh.
with words as materialized (select public.any_word_query(:text) as query),
textual as (
    select p.id, ts_rank(p.search_vector, words.query) * 2 as text_score
    from journey.project p, words
    where p.search_vector @@ public.any_word_query(:text) and p.departement_code = :departement
      and p.pole_slug = any(:followed)
    order by text_score desc, p.created_at desc
    limit 50
),
misspelt as (
    select p.id, 0.3 as text_score
    from journey.project p
    where (select count(*) from textual) < :limit
      and p.search_title %> any(public.significant_words(:text)) and p.departement_code = :departement
      and p.pole_slug = any(:followed)
    order by p.created_at desc
    limit 50
),
same_sector as (
    select p.id, 0 as text_score
    from journey.project p
    where p.departement_code = :departement and p.sector = :sector
    order by p.pole_slug = :pole desc nulls last, p.commune_code = :commune desc, p.created_at desc
    limit :limit
),
picked as (
    select id, sum(text_score) as text_score
    from (select * from textual union all select * from misspelt union all select * from same_sector) as found
    group by id
)
select p.title, p.commune_code, p.pole_slug, p.stage, p.sector, p.collective,
       p.status, extract(year from p.created_at)::int as year
from picked c join journey.project p on p.id = c.id
order by c.text_score
         + case when p.sector = :sector then 0.5 else 0 end
         + case when p.pole_slug = :pole then 0.2 else 0 end
         + case when p.commune_code = :commune then 0.2 else 0 end desc,
         p.created_at desc, p.id desc
limit :limit
