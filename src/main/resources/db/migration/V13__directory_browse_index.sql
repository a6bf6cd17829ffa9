-- Browsing the directory without words lists published structures in name order: from this index,
-- without sorting the whole table.
create index structure_browse on directory.structure (search_name, id) where published;
