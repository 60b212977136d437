package org.iotb.report.html;

import org.iotb.assess.Assessment;

/**
 * One section of the report: its anchor, its title in the table of contents and the PDF bookmarks, and what renders
 * it. A section that renders nothing for an assessment (no device, no SBOM) is left out of the page and of the
 * contents. {@code perStandard} ({@link #withStandards}): the section has one sub-heading per standard, anchored {@code id-STANDARD}
 * ({@link Sections#anchor}), which the contents and the bookmarks list under it.
 *
 * <p>To add a section, add it to {@link Sections#standard()} at its place; its body writes its own {@code <h2>} with
 * {@code id} (so a section's HTML is whole wherever it is used).
 */
public record Section(String id, String title, boolean perStandard, Medium medium, Body body) {

    /** Where a section appears: in both, only in the browser (it needs a click), only in the PDF (an annex). */
    public enum Medium { BOTH, HTML, PDF }

    /** Renders a section; {@code pdf} is true for the printed page (details open or in the annex, no script). */
    @FunctionalInterface
    public interface Body {
        void render(StringBuilder b, Assessment a, boolean pdf);
    }

    public static Section of(String id, String title, Body body) {
        return new Section(id, title, false, Medium.BOTH, body);
    }

    public Section withStandards() {
        return new Section(id, title, true, medium, body);
    }

    public Section only(Medium m) {
        return new Section(id, title, perStandard, m, body);
    }

    boolean shownIn(boolean pdf) {
        return medium == Medium.BOTH || (pdf ? medium == Medium.PDF : medium == Medium.HTML);
    }
}
