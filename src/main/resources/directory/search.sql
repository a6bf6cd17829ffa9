-- The directory search, in one statement: the words are parsed once and the matches found once;
-- from them come the total, the four facet counts (each counted as if its own choice were not
-- made, so that one can switch) and one page of results, best first.
-- DirectoryService fills the placeholders (bench/directory.sh removes them, for words and no facet):
--   "/*if words*/A/*else B*/" is A when words are given, else B;
--   /*all*/ the chosen facets as "and m.column = :f_facet", /*but_X*/ the same without facet X.
-- The first column of the first row carries the counts as "grouping|value|count" texts, the other
-- columns the page's structures (none when the page is empty).
with q as materialized (
    select websearch_to_tsquery('french', public.unaccent('public.unaccent'::regdictionary, :text)) as words,
           public.search_key(:text) as key),
m as materialized (
    select s.id, s.family, s.sector, s.pole_slug, s.departement_code, s.search_name,
           /*if words*/ts_rank(s.search_vector, q.words)/*else 0::real*/ as rank,
           coalesce(s.search_name = q.key, false) as exact,
           coalesce(starts_with(s.search_name, q.key), false) as prefix
    from q, directory.structure s
    where s.published
      and /*if words*/(s.search_vector @@ q.words or s.search_name like '%' || q.key || '%')/*else true*/),
counts as (
    select grouping(family, sector, pole_slug, departement_code) as kind,
           coalesce(family, sector, pole_slug, departement_code) as value,
           count(*) filter (where true /*all*/) as total,
           count(*) filter (where true /*but_family*/) as by_family,
           count(*) filter (where true /*but_sector*/) as by_sector,
           count(*) filter (where true /*but_pole*/) as by_pole,
           count(*) filter (where true /*but_departement*/) as by_departement
    from m
    group by grouping sets ((), (family), (sector), (pole_slug), (departement_code))),
facets as (
    select array_agg(kind || '|' || coalesce(value, '') || '|' ||
               case kind when 15 then total when 7 then by_family when 11 then by_sector
                         when 13 then by_pole else by_departement end) as counts
    from counts),
page as (
    select id, rank, exact, prefix, search_name
    from m
    where true /*all*/
    order by exact desc, rank desc, prefix desc, length(search_name), search_name, id
    limit :size offset :offset)
select f.counts, s.*
from facets f
left join page p on true
left join directory.structure s on s.id = p.id
order by p.exact desc, p.rank desc, p.prefix desc, length(p.search_name), p.search_name, p.id
