package org.iotb.server.pages;

import java.util.List;
import java.util.Map;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Organisation;
import org.iotb.store.workspace.ProductStanding;

/**
 * The product list: each product with its newest version and that version's standing per standard (the number of
 * failed mandatory requirements), and the form for a new product (the values typed so far when it was refused).
 */
public record ProductListView(List<Row> rows, StandardNames standards, List<Organisation> organisations,
                              String formName, Long formOrganisation, String formProfile) {

    /** One product. */
    public record Row(ProductStanding standing, String organisation) {
        public long id() {
            return standing.product().id();
        }

        public String name() {
            return standing.product().name();
        }

        public String version() {
            return standing.latestVersion() == null ? "no firmware yet" : standing.latestVersion().version();
        }

        /** "done", "queued"… of the newest assessment, or "" when there is none. */
        public String status() {
            AssessmentRun a = standing.latestAssessment();
            return a == null ? "" : a.status().id();
        }

        /** The standing under one standard: "3 failed", "passes", or "–" when not assessed (yet). */
        public String standing(String standardId) {
            AssessmentRun a = standing.latestAssessment();
            if (a == null || a.status() != JobStatus.DONE || a.failedMandatory() == null) {
                return "–";
            }
            Integer n = a.failedMandatory().get(standardId);
            return n == null ? "–" : n == 0 ? "no mandatory failure" : n + " mandatory failed";
        }

        /** A CSS class for the standing: fail, pass or none. */
        public String standingClass(String standardId) {
            AssessmentRun a = standing.latestAssessment();
            Map<String, Integer> f = a == null ? null : a.failedMandatory();
            if (a == null || a.status() != JobStatus.DONE || f == null || f.get(standardId) == null) {
                return "none";
            }
            return f.get(standardId) == 0 ? "pass" : "fail";
        }
    }
}
