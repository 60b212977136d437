package org.iotb.store.workspace;

/** Where an assessment run stands on the job queue; {@link #id()} is the spelling in the API and the database. */
public enum JobStatus {
    QUEUED("queued"), RUNNING("running"), DONE("done"), FAILED("failed");

    private final String id;

    JobStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static JobStatus of(String id) {
        for (JobStatus s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job status: " + id);
    }
}
