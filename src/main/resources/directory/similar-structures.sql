-- Published structures close to a project (Directory.similar), in its département. Candidates come
-- from indexes: the words of the idea (French full text, any word) or a word with a typo in the name
-- (trigram word similarity), and the most relevant structures of the same sector. Ranked by
-- full-text rank, then same sector, same pôle, same commune; by name among equals.
-- Also run as is by bench/orientation.sh.
with words as (select public.any_word_query(:text) as query),
candidates as (
    (select s.id, true as textual from directory.structure s
     where s.published and s.departement_code = :departement
       and (s.search_vector @@ public.any_word_query(:text)
            or s.search_name %> any(public.significant_words(:text))))
    union all
    (select s.id, false from directory.structure s
     where s.published and s.departement_code = :departement and s.sector = :sector
     order by s.pole_slug = :pole desc nulls last, s.commune_code = :commune desc, s.search_name
     limit :limit)
),
picked as (select id, bool_or(textual) as textual from candidates group by id)
select s.* from picked c join directory.structure s on s.id = c.id, words
order by case when c.textual then greatest(coalesce(ts_rank(s.search_vector, words.query), 0) * 2, 0.3) else 0 end
         + case when s.sector = :sector then 0.5 else 0 end
         + case when s.pole_slug = :pole then 0.2 else 0 end
         + case when s.commune_code = :commune then 0.2 else 0 end desc,
         s.search_name, s.id
limit :limit
