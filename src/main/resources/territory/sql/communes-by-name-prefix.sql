-- The commune autocomplete by name (TerritoryRepository.findByNamePrefix; also run by bench/autocomplete.sh).
-- Names, words inside names and other names starting with the query, from the materialized view
-- territory.commune_search; the best :limit communes are chosen before joining what the answer shows.
with q as (select public.search_key(:q) as k),
hits as (
    select distinct on (s.commune_code) s.commune_code as code, s.alias, s.region_code, s.population,
           case when s.term = q.k and s.kind <> 2 then 0 else s.kind end as rank
    from territory.commune_search s, q
    where q.k <> '' and s.term ~>=~ q.k and s.term ~<~ (q.k || '~')
    order by s.commune_code, rank, s.alias nulls first
),
top as (
    select * from hits
    order by rank, (region_code = :home) desc, population desc nulls last, code
    limit :limit
)
select c.code, c.name, c.departement_code, d.name as departement_name, c.region_code,
       r.name as region_name, c.epci_code, e.name as epci_name, c.population,
       array(select p.postal_code from territory.commune_postal_code p
             where p.commune_code = c.code order by p.postal_code) as postal_codes,
       t.alias as matched_alias, null as matched_postal_code, t.rank = 0 as exact
from top t
join territory.commune c on c.code = t.code
join territory.departement d on d.code = c.departement_code
join territory.region r on r.code = c.region_code
left join territory.epci e on e.code = c.epci_code
order by t.rank, (c.region_code = :home) desc, c.population desc nulls last, c.search_name
