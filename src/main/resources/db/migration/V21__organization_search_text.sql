-- The directory's words are looked for in an organization's name, short name, municipality and
-- operating corporation, in lower case. One stored column holds the four (apart, so no match runs
-- across two of them) and a trigram index finds a word of three or more characters in it: the
-- search no longer lowers every field of every organization (5,000 and more at national scale).
ALTER TABLE organization ADD COLUMN search_text text GENERATED ALWAYS AS (
    lower(name) || chr(1) || lower(coalesce(short_name, '')) || chr(1) || lower(coalesce(municipality, ''))
    || chr(1) || lower(coalesce(operating_corporation, ''))) STORED;
CREATE INDEX organization_search_text_trgm ON organization USING gin (search_text gin_trgm_ops);
