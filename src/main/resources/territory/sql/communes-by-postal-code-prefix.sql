-- The commune autocomplete by postal code (TerritoryRepository.findByPostalCodePrefix; also run by
-- bench/autocomplete.sh). :q is made of digits only; exact postal codes come first.
with hits as (
    select commune_code as code, min(postal_code) as postal_code, bool_or(postal_code = :q) as exact
    from territory.commune_postal_code
    where postal_code ~>=~ :q and postal_code ~<~ (:q || '~')
    group by commune_code
)
select c.code, c.name, c.departement_code, d.name as departement_name, c.region_code,
       r.name as region_name, c.epci_code, e.name as epci_name, c.population,
       array(select p.postal_code from territory.commune_postal_code p
             where p.commune_code = c.code order by p.postal_code) as postal_codes,
       null as matched_alias, h.postal_code as matched_postal_code, h.exact
from hits h
join territory.commune c on c.code = h.code
join territory.departement d on d.code = c.departement_code
join territory.region r on r.code = c.region_code
left join territory.epci e on e.code = c.epci_code
order by h.exact desc, h.postal_code, (c.region_code = :home) desc, c.population desc nulls last, c.search_name
limit :limit
