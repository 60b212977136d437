-- The staged pipeline's outputs (BlobStageStore): stage key -> the blob holding the output. The blob store keeps
-- the bytes; this index lets every worker find every other worker's evidence, matches and verdicts.
CREATE TABLE batch_stage (
    stage_key   TEXT PRIMARY KEY,
    blob_sha256 TEXT NOT NULL
);

-- what each result's stages did ("evidence reused, match computed, verdicts computed")
ALTER TABLE batch_result ADD COLUMN stages TEXT;
