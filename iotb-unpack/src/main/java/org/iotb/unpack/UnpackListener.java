package org.iotb.unpack;

import org.iotb.unpack.manifest.ContainerRecord;

/** Progress of a run, for a command line's status line. Called on the unpacking thread. */
@FunctionalInterface
public interface UnpackListener {
    void containerExtracted(ContainerRecord container, int entriesSoFar, long bytesSoFar);

    UnpackListener NONE = (c, e, b) -> {
    };
}
