-- The codes of organizations merged away, so a file exported before a merge cannot bring the
-- duplicate back: the import refuses such a line and names the organization it became.
CREATE TABLE organization_merge (
    old_code   text PRIMARY KEY,
    old_id     bigint NOT NULL,
    old_name   text NOT NULL,
    into_id    bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    merged_at  timestamptz NOT NULL DEFAULT now(),
    merged_by  bigint REFERENCES account(id)
);
CREATE INDEX organization_merge_into ON organization_merge (into_id);

-- Duplicate organizations merged by the secretariat: everything that names the duplicate comes to
-- the organization that stays, then the duplicate is deleted. Written against the catalogue, so a
-- table added later that references organization(id) is merged too without touching this.
--
-- In the link tables listed in fold_tables, where the organization that stays already has the same
-- row (the same person's membership, the same circle, the same meeting's organizers), the
-- duplicate's row goes, after its flags (administrator, circle owner) have been carried over; mail
-- quotas of the same day are added up. No other row is ever deleted. Open invitations and join requests that
-- would then be asked twice are withdrawn. Anything else that cannot hold for one organization (a
-- pair of the two with each other, two postings with one Hello Work number) raises, and the whole
-- merge is rolled back: the caller answers 409.
CREATE FUNCTION merge_organization(dup bigint, keep bigint, actor bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    fold_tables text[] := ARRAY['membership', 'circle_member', 'organization_area', 'meeting_organizer',
                                'meeting_series_organizer', 'program_model_center', 'mail_quota'];
    fk   record;
    idx  record;
    cond text;
BEGIN
    IF dup = keep THEN
        RAISE EXCEPTION 'merge_organization: an organization cannot be merged into itself';
    END IF;
    -- the strong lock, lower id first: no row referencing either (a membership approved, an
    -- invitation accepted) can be added while the merge runs and be lost with the duplicate
    PERFORM 1 FROM organization WHERE id IN (dup, keep) ORDER BY id FOR UPDATE;

    INSERT INTO organization_merge (old_code, old_id, old_name, into_id, merged_by)
    SELECT code, id, name, keep, actor FROM organization WHERE id = dup;

    -- flags the duplicate's rows carried
    UPDATE membership k SET is_admin = k.is_admin OR d.is_admin, title = coalesce(k.title, d.title), since = least(k.since, d.since)
      FROM membership d
     WHERE d.organization_id = dup AND k.organization_id = keep AND k.account_id = d.account_id;
    UPDATE circle_member k SET is_owner = k.is_owner OR d.is_owner, joined_on = least(k.joined_on, d.joined_on)
      FROM circle_member d
     WHERE d.organization_id = dup AND k.organization_id = keep AND k.circle_id = d.circle_id;
    UPDATE meeting_organizer k SET consented_at = coalesce(k.consented_at, d.consented_at)
      FROM meeting_organizer d
     WHERE d.organization_id = dup AND k.organization_id = keep AND k.meeting_id = d.meeting_id;
    UPDATE program_model_center k SET theme_2 = coalesce(k.theme_2, nullif(d.theme_1, k.theme_1)),
                                      initiative = coalesce(k.initiative, d.initiative)
      FROM program_model_center d
     WHERE d.organization_id = dup AND k.organization_id = keep AND k.program_id = d.program_id;

    UPDATE mail_quota k SET sent = k.sent + d.sent
      FROM mail_quota d
     WHERE d.organization_id = dup AND k.organization_id = keep AND k.day = d.day;

    -- open asks that are moot once both are one organization, on either side: asked twice, or
    -- asking for what the other already has
    UPDATE circle_invitation d SET status = 'WITHDRAWN', decided_at = now()
     WHERE d.organization_id = dup AND d.status = 'PENDING'
       AND (EXISTS (SELECT 1 FROM circle_invitation k WHERE k.organization_id = keep AND k.circle_id = d.circle_id AND k.status = 'PENDING')
         OR EXISTS (SELECT 1 FROM circle_member m WHERE m.organization_id = keep AND m.circle_id = d.circle_id));
    UPDATE circle_invitation k SET status = 'WITHDRAWN', decided_at = now()
     WHERE k.organization_id = keep AND k.status = 'PENDING'
       AND EXISTS (SELECT 1 FROM circle_member m WHERE m.organization_id = dup AND m.circle_id = k.circle_id);
    UPDATE membership_request d SET status = 'WITHDRAWN', decided_at = now()
     WHERE d.organization_id = dup AND d.status = 'PENDING'
       AND (EXISTS (SELECT 1 FROM membership_request k WHERE k.organization_id = keep AND k.account_id = d.account_id AND k.status = 'PENDING')
         OR EXISTS (SELECT 1 FROM membership m WHERE m.organization_id = keep AND m.account_id = d.account_id));
    UPDATE membership_request k SET status = 'WITHDRAWN', decided_at = now()
     WHERE k.organization_id = keep AND k.status = 'PENDING'
       AND EXISTS (SELECT 1 FROM membership m WHERE m.organization_id = dup AND m.account_id = k.account_id);

    FOR fk IN
        SELECT c.conrelid AS rel, c.conrelid::regclass::text AS tbl, a.attname AS col, a.attnum AS num
          FROM pg_constraint c
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confrelid = 'organization'::regclass AND cardinality(c.conkey) = 1
         ORDER BY 2, 3
    LOOP
        -- rows that would repeat one of the kept organization's under a plain unique index go
        FOR idx IN
            SELECT i.indexrelid,
                   array(SELECT att.attname FROM pg_attribute att
                          WHERE att.attrelid = i.indrelid AND att.attnum = ANY (i.indkey) AND att.attnum <> fk.num) AS others
              FROM pg_index i
             WHERE fk.tbl = ANY (fold_tables)
               AND i.indrelid = fk.rel AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
               AND fk.num = ANY (i.indkey)
        LOOP
            IF cardinality(idx.others) = 0 THEN
                cond := 'true';
            ELSE
                SELECT string_agg(format('k.%1$I IS NOT DISTINCT FROM d.%1$I', o), ' AND ') INTO cond FROM unnest(idx.others) AS o;
            END IF;
            EXECUTE format('DELETE FROM %1$s d WHERE d.%2$I = $1 AND EXISTS (SELECT 1 FROM %1$s k WHERE k.%2$I = $2 AND %3$s)',
                           fk.tbl, fk.col, cond) USING dup, keep;
        END LOOP;
        EXECUTE format('UPDATE %1$s SET %2$I = $2 WHERE %2$I = $1', fk.tbl, fk.col) USING dup, keep;
    END LOOP;

    DELETE FROM organization WHERE id = dup;
END;
$$;

-- An organization's name as the duplicate finder compares it: lower case, without the words every
-- organization of a type shares (障害者就業・生活支援センター, 就労定着支援事業所, …), spaces and
-- punctuation — so 「障害者就業・生活支援センター みなと」 and 「障害者就業生活支援センターみなと」 are the
-- same, and 「大阪市 …センター」 and 「東大阪市 …センター」 are not alike.
CREATE FUNCTION organization_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(
             regexp_replace(lower(name),
               '(障害者|障がい者|障碍者)?(就業・生活支援センター|就業生活支援センター)|就労定着支援事業所|就労移行支援事業所'
               || '|就労継続支援[ab]型事業所|相談支援事業所|事業所|センター|（架空）|\(架空\)', '', 'g'),
             '[[:space:]・･（）()「」、。,.　-]', '', 'g')
$$;
