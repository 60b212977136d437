package org.iotb.probe;

/** Told what the scanner is doing, for a progress line on a terminal. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = message -> { };

    void step(String message);
}
