package org.iotb.fs.flash.support;

/** What a tree holds at one path, in a form comparable between a source directory and an extraction. */
public record Entry(char type, long size, String sha256, String linkTarget, int mode, String device) {
    @Override
    public String toString() {
        return type + " size=" + size + " sha=" + (sha256 == null ? "-" : sha256.substring(0, 12)) + " link=" + linkTarget
                + " mode=" + Integer.toOctalString(mode) + (device == null ? "" : " dev=" + device);
    }
}
