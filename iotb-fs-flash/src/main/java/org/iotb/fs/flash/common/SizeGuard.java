package org.iotb.fs.flash.common;

/**
 * Bounds the size a file claims against what the image could hold. Flash file systems allow holes, so a few
 * bytes of metadata can declare a file of terabytes of zeros; beyond 16 times the image (at least 64 MiB) the
 * size is clipped and the clipping reported, instead of streaming zeros until an output limit trips.
 */
public final class SizeGuard {
    private static final long FLOOR = 64L << 20;
    private static final long RATIO = 16;

    private SizeGuard() {
    }

    public static long limit(long imageSize) {
        return Math.max(FLOOR, imageSize > Long.MAX_VALUE / RATIO ? Long.MAX_VALUE : imageSize * RATIO);
    }

    public static long clip(long declared, long imageSize, Warnings w, String what) {
        long max = limit(imageSize);
        if (declared < 0 || declared > max) {
            w.warn("implausible file size", what + " declares " + Long.toUnsignedString(declared) + " bytes; clipped to " + max);
            return declared < 0 ? 0 : max;
        }
        return declared;
    }
}
