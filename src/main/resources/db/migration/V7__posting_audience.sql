-- Posting search at national scale: who may see a posting, as index keys.
--
-- audience holds the keys of everyone a posting reaches under the access policy's VIEW rule:
--   -owner_org_id    the owning organization (always)
--   0                every staff member of the network (visibility NETWORK)
--   circle id        each circle it is shared into (visibility CIRCLES)
-- A viewer's keys are the same three kinds (AccessPolicy.postingScope), so "audience && keys" finds
-- the visible postings inside one GIN index together with the text and the common filters. The
-- search still checks the policy's own predicate on the rows found: audience only narrows, it
-- never grants. Triggers keep it in step with posting and posting_share.

-- btree_gin lets scalar columns (prefecture, area, category) sit in the same GIN index as the text
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE posting ADD COLUMN audience bigint[] NOT NULL DEFAULT '{}';

CREATE FUNCTION posting_audience(posting_id bigint, owner_org_id bigint, visibility text) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY[-owner_org_id] || CASE visibility
        WHEN 'NETWORK' THEN ARRAY[0::bigint]
        WHEN 'CIRCLES' THEN ARRAY(SELECT s.circle_id FROM posting_share s WHERE s.posting_id = $1 ORDER BY s.circle_id)
        ELSE '{}'::bigint[] END
$$;

CREATE FUNCTION posting_set_audience() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.audience := posting_audience(NEW.id, NEW.owner_org_id, NEW.visibility);
    RETURN NEW;
END
$$;

-- any write naming these columns recomputes the keys (including "SET audience = ..." from below)
CREATE TRIGGER posting_audience BEFORE INSERT OR UPDATE OF owner_org_id, visibility, audience ON posting
    FOR EACH ROW EXECUTE FUNCTION posting_set_audience();

CREATE FUNCTION posting_share_touch_audience() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the value written is replaced by posting_set_audience, which reads the shares as they now are
    IF TG_OP <> 'DELETE' THEN
        UPDATE posting SET audience = '{}' WHERE id = NEW.posting_id;
    END IF;
    IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.posting_id <> NEW.posting_id) THEN
        UPDATE posting SET audience = '{}' WHERE id = OLD.posting_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER posting_share_audience AFTER INSERT OR UPDATE OR DELETE ON posting_share
    FOR EACH ROW EXECUTE FUNCTION posting_share_touch_audience();

UPDATE posting SET audience = '{}';

-- text + visibility + the usual filters in one index scan; the plain text index is replaced
-- (a search always names the viewer's keys; "my postings" go by posting_owner)
CREATE INDEX posting_open_search ON posting USING gin (search_vector, audience, prefecture_code, area_id, job_category)
    WHERE status = 'OPEN';
DROP INDEX posting_search;
