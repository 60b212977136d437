-- The staged pipeline's stored outputs (org.iotb.pipeline.stage): stage key -> the blob holding the output. An
-- image's evidence is kept here after its first assessment; a re-assessment reads it instead of unpacking again.
CREATE TABLE stage_outputs (
    stage_key TEXT PRIMARY KEY,
    blob_sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
