-- Functions for similarity rather than search (issue 5): the orientation looks for projects and
-- structures close to a new project, in French (stems, no accents) and with typos (trigrams).

-- The French search document of a text: stemmed (plurals), without accents. Immutable (the
-- dictionary and configuration are named) so that generated columns can use it.
create function public.search_document(value text) returns tsvector
    language sql immutable strict parallel safe
as $$
    select to_tsvector('french'::regconfig, public.unaccent('public.unaccent'::regdictionary, value))
$$;

-- The words of a text as a French query matching any of them ("café associatif rural" ->
-- 'cafe' | 'associ' | 'rural'), for similarity rather than search.
create function public.any_word_query(value text) returns tsquery
    language sql immutable strict parallel safe
as $$
    select nullif(replace(plainto_tsquery('french'::regconfig,
        public.unaccent('public.unaccent'::regdictionary, value))::text, ' & ', ' | '), '')::tsquery
$$;

-- The words of a text that carry meaning for a typo-tolerant comparison: search keys of five letters
-- or more, at most twelve ("Une résourcerie à Dinan" -> {resourcerie, dinan}).
create function public.significant_words(value text) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(word), '{}') from (
        select distinct word from regexp_split_to_table(public.search_key(value), ' ') as word
        where length(word) >= 5 order by word limit 12) as words
$$;
