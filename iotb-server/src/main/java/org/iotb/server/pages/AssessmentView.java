package org.iotb.server.pages;

import java.util.List;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.FirmwareVersion;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.ReportFormats;
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

    /** Every report the workspace renders (its list: {@link ReportFormats}), in its order. */
    public List<ReportFormats.Format> formats() {
        return List.copyOf(ReportFormats.all().values());
    }

    /** The link text of a format. */
    public String label(ReportFormats.Format f) {
        return switch (f.id()) {
            case "html" -> "HTML report";
            case "pdf" -> "PDF report";
            case "json" -> "Assessment JSON";
            case "sarif" -> "SARIF 2.1.0";
            case "junit" -> "JUnit XML";
            case "oscal" -> "OSCAL assessment results";
            case "ics-csv" -> "ICS, CSV (zip, one per standard)";
            case "ics-html" -> "ICS, HTML (zip, one per standard)";
            default -> f.id();
        };
    }

    /** The name a download is saved under: the report's file name after the assessment's number. */
    public String fileName(ReportFormats.Format f) {
        return "assessment-" + run.id() + "-" + f.fileName();
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
