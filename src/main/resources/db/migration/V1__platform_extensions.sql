-- Extensions used for French search: accents (unaccent) and typo-tolerant matching (pg_trgm).
-- On an external server they need a role allowed to create extensions (see README).
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- The search key of a name: no accents, no case, no punctuation, "st"/"ste" spelled out.
-- "Plœuc-L'Hermitage" -> "ploeuc l hermitage"; "St-Malo" -> "saint malo".
-- Immutable (the dictionary is named), so generated columns and indexes can use it.
create function public.search_key(value text) returns text
    language sql immutable strict parallel safe
as $$
    select regexp_replace(regexp_replace(
        trim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g')),
        '\mste\M', 'sainte', 'g'), '\mst\M', 'saint', 'g')
$$;
