package org.iotb.probe;

import java.util.List;
import org.iotb.model.Finding;

/** One family of device checks; it reads the discovered services from the context and returns findings. */
public interface DeviceCheck {
    /** Short name for progress messages. */
    String name();

    /** The check ids this family reports, so the scanner can emit not-run for them when time runs out. */
    List<String> checkIds();

    List<Finding> run(ProbeContext ctx) throws Exception;
}
