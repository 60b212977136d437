-- The workspace's schema (docs/workspace.md). One file for SQLite and PostgreSQL: the type names that differ are
-- placeholders (Database.placeholders). Times are milliseconds since the epoch (UTC) in BIGINT columns, except in
-- db-scheduler's own table, which keeps its documented types.

CREATE TABLE organisations (
    id ${id},
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- role: admin | assessor | reviewer | client-viewer; organisation_id is required for a client-viewer
CREATE TABLE users (
    id ${id},
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations(id),
    created_at BIGINT NOT NULL
);

-- personal API tokens: only the SHA-256 of the token is kept
CREATE TABLE api_tokens (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);

CREATE TABLE products (
    id ${id},
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    profile_yaml TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    UNIQUE (organisation_id, name)
);

-- the image itself is a blob (blobs.sha256); one row per release of the product
CREATE TABLE firmware_versions (
    id ${id},
    product_id BIGINT NOT NULL REFERENCES products(id),
    version TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by BIGINT REFERENCES users(id),
    uploaded_at BIGINT NOT NULL,
    UNIQUE (product_id, version)
);
CREATE INDEX firmware_versions_sha256 ON firmware_versions (sha256);

-- revisions are numbered from 1 per product and never changed
CREATE TABLE declarations_versions (
    id ${id},
    product_id BIGINT NOT NULL REFERENCES products(id),
    number INTEGER NOT NULL,
    yaml TEXT NOT NULL,
    author BIGINT REFERENCES users(id),
    comment TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (product_id, number)
);

-- one assessment of a firmware version. kind: assess (unpack and check the image) | reverdict (the verdicts again
-- from the stored evidence). status: queued | running | done | failed. attempt counts the executions that took the
-- run: a finish is recorded only by the execution holding the current attempt (a revived job finishes it once).
-- failed_mandatory: JSON object standard id -> count of failed mandatory requirements.
CREATE TABLE assessment_runs (
    id ${id},
    product_id BIGINT NOT NULL REFERENCES products(id),
    firmware_version_id BIGINT NOT NULL REFERENCES firmware_versions(id),
    declarations_version_id BIGINT REFERENCES declarations_versions(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT,
    progress INTEGER,
    status_detail TEXT,
    tool_version TEXT,
    vulnerability_data TEXT,
    failed_mandatory TEXT,
    assessment_sha256 TEXT,
    evidence_sha256 TEXT,
    review_status TEXT,
    started_by BIGINT REFERENCES users(id),
    attempt INTEGER NOT NULL DEFAULT 0,
    worker TEXT,
    queued_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT
);
CREATE INDEX assessment_runs_product ON assessment_runs (product_id);
CREATE INDEX assessment_runs_version ON assessment_runs (firmware_version_id);
CREATE INDEX assessment_runs_status ON assessment_runs (status);

-- decision: approved | rejected
CREATE TABLE reviews (
    id ${id},
    assessment_id BIGINT NOT NULL REFERENCES assessment_runs(id),
    reviewer_id BIGINT NOT NULL REFERENCES users(id),
    decision TEXT NOT NULL,
    comment TEXT,
    at BIGINT NOT NULL
);

-- append-only: rows are inserted, never updated or deleted (triggers in V2 refuse both).
-- organisation_id / product_id say whose thing it concerns (null: the workspace itself, e.g. an admin account)
CREATE TABLE audit_log (
    id ${id},
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT,
    organisation_id BIGINT,
    product_id BIGINT
);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id);

-- every blob the workspace stored (the bytes live in the BlobStore under this digest)
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- db-scheduler's table, as its documentation gives it for PostgreSQL (the type names that SQLite spells otherwise
-- are placeholders)
CREATE TABLE scheduled_tasks (
    task_name TEXT NOT NULL,
    task_instance TEXT NOT NULL,
    task_data ${bytes},
    execution_time ${timestamptz} NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by TEXT,
    last_success ${timestamptz},
    last_failure ${timestamptz},
    consecutive_failures INT,
    last_heartbeat ${timestamptz},
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
