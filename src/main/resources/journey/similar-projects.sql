-- Projects close to a new one (Projects.similar), in its département. Candidates come from indexes:
-- the words of the idea (French full text, any word) or a word with a typo in the title (trigram
-- word similarity, pg_trgm.word_similarity_threshold), and the most relevant projects of the same
-- sector. Ranked by full-text rank, then same sector, same pôle, same commune; the most recent first.
-- Also run as is by bench/orientation.sh.
with words as (select public.any_word_query(:text) as query),
candidates as (
    (select p.id, true as textual from journey.project p
     where p.departement_code = :departement
       and (p.search_vector @@ public.any_word_query(:text)
            or p.search_title %> any(public.significant_words(:text))))
    union all
    (select p.id, false from journey.project p
     where p.departement_code = :departement and p.sector = :sector
     order by p.pole_slug = :pole desc nulls last, p.commune_code = :commune desc, p.created_at desc
     limit :limit)
),
picked as (select id, bool_or(textual) as textual from candidates group by id)
select p.title, p.commune_code, p.pole_slug, p.region_code, p.stage, p.sector, p.collective,
       p.status, extract(year from p.created_at)::int as year
from picked c join journey.project p on p.id = c.id, words
order by case when c.textual then greatest(coalesce(ts_rank(p.search_vector, words.query), 0) * 2, 0.3) else 0 end
         + case when p.sector = :sector then 0.5 else 0 end
         + case when p.pole_slug = :pole then 0.2 else 0 end
         + case when p.commune_code = :commune then 0.2 else 0 end desc,
         p.created_at desc, p.id desc
limit :limit
