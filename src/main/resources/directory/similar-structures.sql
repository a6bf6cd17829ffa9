-- Published structures close to a project (Directory.similar): in its département, sharing words
-- with it (French full text, or typo-tolerant words against the name) or its sector, closest first.
-- Also run as is by bench/orientation.sh.
with q as (select public.any_word_query(:text) as words, public.significant_words(:text) as keys)
select s.* from directory.structure s, q
where s.published and s.departement_code = :departement
  and (s.search_vector @@ q.words or s.sector = :sector
       or public.best_word_similarity(q.keys, s.search_name) >= 0.7)
order by coalesce(ts_rank(s.search_vector, q.words), 0) * 2
         + coalesce(public.best_word_similarity(q.keys, s.search_name), 0)
         + case when s.sector = :sector then 0.5 else 0 end
         + case when s.pole_slug = :pole then 0.2 else 0 end
         + case when s.commune_code = :commune then 0.2 else 0 end desc,
         s.search_name, s.id
limit :limit
