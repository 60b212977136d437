package org.iotb.model.check;

import java.util.List;
import org.iotb.model.Finding;

/**
 * The one check contract of every module: a check reads a context ({@code C}: the indexed firmware tree, an SBOM,
 * a probed device) and returns findings under the stable ids it owns. Firmware, SBOM and device checks all run
 * under {@link CheckRunner}, which turns a throw into {@code error} and a check it could not reach in time into
 * {@code not-run} findings for {@link #checkIds()}, so a check only has to say what it saw.
 *
 * @param <C> what the check reads
 */
public interface Check<C> {
    /**
     * The check ids this check reports (each documented by a descriptor in its module's checks YAML); the runner
     * emits error or not-run findings under exactly these ids when the check throws or is not reached.
     */
    List<String> checkIds();

    /** Short name for progress messages, timings and error messages; the single id by default. */
    default String name() {
        return String.join(", ", checkIds());
    }

    /** Findings under {@link #checkIds()}; should not throw on bad input (the runner copes if it does). */
    List<Finding> run(C context) throws Exception;
}
