package org.iotb.server.pages;

import java.util.List;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.FirmwareVersion;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.Review;

/**
 * An assessment's page: the run (status, and live progress while it waits or runs), the version and product it
 * belongs to, the reviews, and whether the viewer may sign off (a reviewer, on a finished run someone else started).
 */
public record AssessmentView(AssessmentRun run, Product product, FirmwareVersion version, List<Review> reviews,
                             boolean mayReview) {

    public boolean inProgress() {
        return run.status() == JobStatus.QUEUED || run.status() == JobStatus.RUNNING;
    }

    public boolean done() {
        return run.status() == JobStatus.DONE;
    }

    public boolean failed() {
        return run.status() == JobStatus.FAILED;
    }

    public List<ReportFormats.Format> formats() {
        return ReportFormats.ALL;
    }

    /** The progress bar's value: the run's progress, 0 while queued or unknown. */
    public int progress() {
        return run.progress() == null ? 0 : run.progress();
    }

    public String stage() {
        if (run.status() == JobStatus.QUEUED) {
            return "waiting for a worker";
        }
        return run.stage() == null ? "starting" : run.stage();
    }

    public String versionLabel() {
        return version == null ? "?" : version.version();
    }
}
