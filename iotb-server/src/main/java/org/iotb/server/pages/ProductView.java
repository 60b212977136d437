package org.iotb.server.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.FirmwareVersion;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Product;

/**
 * A product's page: its firmware versions (newest first) each with its newest assessment, the trend of failed
 * mandatory requirements across versions, and the finished assessments the compare form offers.
 */
public record ProductView(Product product, String organisation, List<VersionRow> versions, List<AssessmentRun> runs,
                          String trendSvg, int declarationsRevision) {

    /** One version and its newest run (null: never assessed). */
    public record VersionRow(FirmwareVersion version, AssessmentRun latest) {
    }

    public static ProductView of(Product product, String organisation, List<FirmwareVersion> versions,
                                 List<AssessmentRun> runs, int declarationsRevision, StandardNames standards) {
        List<VersionRow> rows = new ArrayList<>();
        for (FirmwareVersion v : versions) {
            rows.add(new VersionRow(v, runs.stream().filter(r -> r.firmwareVersionId() == v.id())
                    .max(Comparator.comparingLong(AssessmentRun::id)).orElse(null)));
        }
        // the trend reads left to right, oldest first; per version its newest finished run
        List<TrendChart.Point> points = new ArrayList<>();
        List<FirmwareVersion> oldestFirst = new ArrayList<>(versions);
        Collections.reverse(oldestFirst);
        for (FirmwareVersion v : oldestFirst) {
            AssessmentRun done = runs.stream().filter(r -> r.firmwareVersionId() == v.id() && r.status() == JobStatus.DONE)
                    .max(Comparator.comparingLong(AssessmentRun::id)).orElse(null);
            points.add(new TrendChart.Point(v.version(), done == null ? null : done.failedMandatory()));
        }
        return new ProductView(product, organisation, rows, runs, TrendChart.svg(points, standards), declarationsRevision);
    }

    /** The finished runs, newest first, labelled for the compare form. */
    public List<AssessmentRun> finished() {
        return runs.stream().filter(r -> r.status() == JobStatus.DONE).toList();
    }

    /** "1.4.2 (run 3)" for a run. */
    public String label(AssessmentRun r) {
        String v = versions.stream().filter(x -> x.version().id() == r.firmwareVersionId()).map(x -> x.version().version())
                .findFirst().orElse("?");
        return v + " (assessment " + r.id() + ")";
    }

    /** The run the compare form proposes as "from" (the second newest finished run) or 0. */
    public long compareFrom() {
        List<AssessmentRun> f = finished();
        return f.size() > 1 ? f.get(1).id() : 0;
    }

    public long compareTo() {
        List<AssessmentRun> f = finished();
        return f.isEmpty() ? 0 : f.get(0).id();
    }
}
