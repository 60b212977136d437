-- iotb batch / iotb worker (org.iotb.store.batch): the results of batch assessments, keyed by what makes two
-- assessments the same work (BatchKey), the batches that asked for them, every attempt a worker made, and the
-- job queue's own table (db-scheduler, under its own name so it never meets the workspace's queue).
-- Times are epoch milliseconds (BIGINT) in our tables; db-scheduler's table uses its documented column types.

CREATE TABLE batch_result (
    result_key          TEXT PRIMARY KEY,   -- BatchKey.digest()
    image_sha256        TEXT NOT NULL,
    image_name          TEXT NOT NULL,      -- file name the first batch gave (the assessment's input name)
    profile_sha256      TEXT NOT NULL,
    profile_name        TEXT NOT NULL,
    declarations_sha256 TEXT,
    declarations_name   TEXT,
    standards           TEXT NOT NULL,      -- comma-separated ids, empty: all
    pipeline_version    TEXT NOT NULL,
    status              TEXT NOT NULL,      -- queued | running | done | failed
    stage               TEXT,
    detail              TEXT,               -- why a failed result failed
    outcome_json        TEXT,               -- ImageOutcome
    assessment_sha256   TEXT,               -- blob of the assessment JSON
    duration_ms         BIGINT,
    worker              TEXT,               -- who produced the result
    queued_at           BIGINT NOT NULL,
    started_at          BIGINT,
    finished_at         BIGINT
);

CREATE TABLE batch_item (
    batch_id   TEXT NOT NULL,
    position   INTEGER NOT NULL,
    image      TEXT NOT NULL,               -- the path as given
    result_key TEXT NOT NULL REFERENCES batch_result (result_key),
    reused     INTEGER NOT NULL,            -- 1: the result was done before this batch was enqueued
    PRIMARY KEY (batch_id, position)
);
CREATE INDEX batch_item_result ON batch_item (result_key);

CREATE TABLE batch_attempt (
    attempt_id  TEXT PRIMARY KEY,
    result_key  TEXT NOT NULL REFERENCES batch_result (result_key),
    worker      TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    outcome     TEXT                        -- done | failed | superseded; null: never finished (worker died)
);
CREATE INDEX batch_attempt_result ON batch_attempt (result_key);

CREATE TABLE batch_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            ${bytes},
    execution_time       ${timestamptz} NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         ${timestamptz},
    last_failure         ${timestamptz},
    consecutive_failures INT,
    last_heartbeat       ${timestamptz},
    version              BIGINT NOT NULL,
    priority             INT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX batch_tasks_execution_time ON batch_tasks (execution_time);
CREATE INDEX batch_tasks_last_heartbeat ON batch_tasks (last_heartbeat);
CREATE INDEX batch_tasks_priority ON batch_tasks (priority DESC, execution_time ASC);
