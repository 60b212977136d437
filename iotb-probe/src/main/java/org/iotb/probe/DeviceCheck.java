package org.iotb.probe;

import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.check.Check;

/**
 * One family of device checks: the shared {@link Check} contract over a probed device ({@link ProbeContext}); it
 * reads the discovered services from the context and returns findings under its {@link #checkIds()}, each
 * documented in data/checks-device.yaml.
 */
public interface DeviceCheck extends Check<ProbeContext> {
    /** Short name for progress messages and timings. */
    @Override
    String name();

    /** The check ids this family reports, so the runner can emit not-run or error for them. */
    @Override
    List<String> checkIds();

    @Override
    List<Finding> run(ProbeContext ctx) throws Exception;
}
