-- Projects close to a new one (Projects.similar): in its département, sharing words with it (French
-- full text, or typo-tolerant words against the title) or its sector, closest first.
-- Also run as is by bench/orientation.sh.
with q as (select public.any_word_query(:text) as words, public.significant_words(:text) as keys)
select p.title, p.commune_code, p.pole_slug, p.region_code, p.stage, p.sector, p.collective,
       p.status, extract(year from p.created_at)::int as year
from journey.project p, q
where p.departement_code = :departement
  and (p.search_vector @@ q.words or p.sector = :sector
       or public.best_word_similarity(q.keys, p.search_title) >= 0.7)
order by coalesce(ts_rank(p.search_vector, q.words), 0) * 2
         + coalesce(public.best_word_similarity(q.keys, p.search_title), 0)
         + case when p.sector = :sector then 0.5 else 0 end
         + case when p.pole_slug = :pole then 0.2 else 0 end
         + case when p.commune_code = :commune then 0.2 else 0 end desc,
         p.created_at desc, p.id desc
limit :limit
