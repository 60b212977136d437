package org.iotb.unpack;

import java.time.Duration;

/**
 * Limits of one unpack run. Every limit is a defence against hostile input: hitting one gives a warning in
 * the manifest and a partial result, never a crash. Defaults suit a router or camera image on a laptop.
 */
public final class UnpackOptions {
    public static final long GIB = 1L << 30;
    public static final long MIB = 1L << 20;

    private final int maxDepth;
    private final long maxTotalBytes;
    private final long maxFileSize;
    private final int maxRatio;
    private final long ratioFloorBytes;
    private final int maxFiles;
    private final Duration timeout;
    private final int entropyPoints;

    private UnpackOptions(Builder b) {
        this.maxDepth = b.maxDepth;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxFileSize = b.maxFileSize;
        this.maxRatio = b.maxRatio;
        this.ratioFloorBytes = b.ratioFloorBytes;
        this.maxFiles = b.maxFiles;
        this.timeout = b.timeout;
        this.entropyPoints = b.entropyPoints;
    }

    public static UnpackOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many containers deep extraction goes (the image itself is depth 0). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Bytes written to the output tree in total. */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /** Bytes of any one extracted file. */
    public long maxFileSize() {
        return maxFileSize;
    }

    /** Largest output/input ratio of one container, enforced once its output passes {@link #ratioFloorBytes()}. */
    public int maxRatio() {
        return maxRatio;
    }

    /** Output size below which the ratio is not enforced (small files of zeros compress 1000:1 legitimately). */
    public long ratioFloorBytes() {
        return ratioFloorBytes;
    }

    /** Entries (files, links, directories, nodes) recorded in total. */
    public int maxFiles() {
        return maxFiles;
    }

    /** Wall-clock time of the whole run. */
    public Duration timeout() {
        return timeout;
    }

    /** Points of the image's entropy profile. */
    public int entropyPoints() {
        return entropyPoints;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxDepth = maxDepth;
        b.maxTotalBytes = maxTotalBytes;
        b.maxFileSize = maxFileSize;
        b.maxRatio = maxRatio;
        b.ratioFloorBytes = ratioFloorBytes;
        b.maxFiles = maxFiles;
        b.timeout = timeout;
        b.entropyPoints = entropyPoints;
        return b;
    }

    public static final class Builder {
        private int maxDepth = 8;
        private long maxTotalBytes = 4 * GIB;
        private long maxFileSize = GIB;
        private int maxRatio = 200;
        private long ratioFloorBytes = 8 * MIB;
        private int maxFiles = 200_000;
        private Duration timeout = Duration.ofMinutes(10);
        private int entropyPoints = 512;

        public Builder maxDepth(int v) {
            maxDepth = requireNonNegative(v, "maxDepth");
            return this;
        }

        public Builder maxTotalBytes(long v) {
            maxTotalBytes = requirePositive(v, "maxTotalBytes");
            return this;
        }

        public Builder maxFileSize(long v) {
            maxFileSize = requirePositive(v, "maxFileSize");
            return this;
        }

        public Builder maxRatio(int v) {
            maxRatio = (int) requirePositive(v, "maxRatio");
            return this;
        }

        public Builder ratioFloorBytes(long v) {
            ratioFloorBytes = requireNonNegative(v, "ratioFloorBytes");
            return this;
        }

        public Builder maxFiles(int v) {
            maxFiles = (int) requirePositive(v, "maxFiles");
            return this;
        }

        public Builder timeout(Duration v) {
            if (v == null || v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            timeout = v;
            return this;
        }

        public Builder entropyPoints(int v) {
            if (v < 1 || v > 65536) {
                throw new IllegalArgumentException("entropyPoints must be 1..65536");
            }
            entropyPoints = v;
            return this;
        }

        public UnpackOptions build() {
            return new UnpackOptions(this);
        }

        private static long requirePositive(long v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + v);
            }
            return v;
        }

        private static int requireNonNegative(int v, String name) {
            if (v < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + v);
            }
            return v;
        }

        private static long requireNonNegative(long v, String name) {
            if (v < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + v);
            }
            return v;
        }
    }
}
