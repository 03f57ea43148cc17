-- Center statistics (実績, issue 17): each center's yearly figures against the labour bureau's
-- targets, entered by its staff (or from a CSV), compared nationally by the secretariat. Counts of
-- meetings, case conferences and trainings come from Tsunagu's own records, never typed in.
CREATE TABLE center_statistics (
    center_id                 bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    fiscal_year               smallint NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    -- registered people (登録者数) by disability
    registered_physical       integer CHECK (registered_physical BETWEEN 0 AND 1000000),
    registered_intellectual   integer CHECK (registered_intellectual BETWEEN 0 AND 1000000),
    registered_mental         integer CHECK (registered_mental BETWEEN 0 AND 1000000),
    registered_developmental  integer CHECK (registered_developmental BETWEEN 0 AND 1000000),
    registered_other          integer CHECK (registered_other BETWEEN 0 AND 1000000),
    -- consultations (相談支援件数) by method and by content
    consultations_visit       integer CHECK (consultations_visit BETWEEN 0 AND 1000000),
    consultations_phone       integer CHECK (consultations_phone BETWEEN 0 AND 1000000),
    consultations_other       integer CHECK (consultations_other BETWEEN 0 AND 1000000),
    consultations_work        integer CHECK (consultations_work BETWEEN 0 AND 1000000),
    consultations_life        integer CHECK (consultations_life BETWEEN 0 AND 1000000),
    placements                integer CHECK (placements BETWEEN 0 AND 1000000),
    internships               integer CHECK (internships BETWEEN 0 AND 1000000),
    -- retention (定着率): of those placed, how many still work after 6 months / 1 year
    retention_6m_base         integer CHECK (retention_6m_base BETWEEN 0 AND 1000000),
    retention_6m_kept         integer CHECK (retention_6m_kept BETWEEN 0 AND 1000000),
    retention_1y_base         integer CHECK (retention_1y_base BETWEEN 0 AND 1000000),
    retention_1y_kept         integer CHECK (retention_1y_kept BETWEEN 0 AND 1000000),
    -- the labour bureau's targets for the year
    target_placements         integer CHECK (target_placements BETWEEN 0 AND 1000000),
    target_retention_6m       numeric(4, 1) CHECK (target_retention_6m BETWEEN 0 AND 100),
    fictitious                boolean NOT NULL DEFAULT false,
    source                    text NOT NULL DEFAULT 'FORM' CHECK (source IN ('FORM', 'CSV')),
    updated_by                bigint REFERENCES account(id) ON DELETE SET NULL,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    version                   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (center_id, fiscal_year),
    CHECK (retention_6m_kept IS NULL OR retention_6m_base IS NULL OR retention_6m_kept <= retention_6m_base),
    CHECK (retention_1y_kept IS NULL OR retention_1y_base IS NULL OR retention_1y_kept <= retention_1y_base)
);
CREATE INDEX center_statistics_year ON center_statistics (fiscal_year);
