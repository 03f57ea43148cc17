-- The learnings library shows the newest approved learnings first and loads only those it shows.
CREATE INDEX learning_library ON learning (created_at DESC, id DESC) WHERE approved_at IS NOT NULL;
