package org.iotb.unpack.manifest;

import java.util.List;

/** Shannon entropy (bits per byte) of consecutive {@code blockSize}-byte blocks of the image, for plots. */
public record EntropyProfile(long blockSize, List<Double> points) {
    public EntropyProfile {
        points = points == null ? List.of() : List.copyOf(points);
    }
}
