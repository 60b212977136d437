package org.iotb.store.jobs;

import org.iotb.pipeline.PipelineListener;

/**
 * Writes what the pipeline is doing into the run's row ({@code stage}, {@code progress} 0-100) so pages and the API
 * can show it. A stage change is written at once; the many updates within a stage at most once a second. The
 * percentage is a rough position in the pipeline's order (unpacking, checks, SBOM, verdicts), not a measurement.
 */
final class RunProgress implements PipelineListener {
    private static final long THROTTLE_MS = 1000;

    private final Runs runs;
    private final long runId;
    private final int attempt;
    private String stage;
    private int percent;
    private long lastWrite;

    RunProgress(Runs runs, long runId, int attempt) {
        this.runs = runs;
        this.runId = runId;
        this.attempt = attempt;
    }

    @Override
    public synchronized void stageStarted(String name) {
        stage = name;
        percent = Math.max(percent, percentOf(name));
        write();
    }

    @Override
    public synchronized void progress(String status) {
        if (System.currentTimeMillis() - lastWrite >= THROTTLE_MS) {
            runs.progress(runId, attempt, stage == null ? status : stage + ": " + status, percent);
            lastWrite = System.currentTimeMillis();
        }
    }

    @Override
    public synchronized void stageDone(String summary) {
        write();
    }

    void storing() {
        stageStarted("storing the results");
    }

    private void write() {
        runs.progress(runId, attempt, stage, percent);
        lastWrite = System.currentTimeMillis();
    }

    /** Where a stage sits in the pipeline's order (FirmwareWorkspace, FirmwareEvidence, AssessmentPipeline). */
    static int percentOf(String stage) {
        if (stage.startsWith("unpacking")) {
            return 5;
        }
        if (stage.startsWith("checking")) {
            return 40;
        }
        if (stage.startsWith("SBOM")) {
            return 60;
        }
        if (stage.startsWith("deciding verdicts")) {
            return 90;
        }
        if (stage.startsWith("storing")) {
            return 95;
        }
        return 0;
    }
}
