package org.iotb.fs.testing;

/** What one extracted path looks like, for comparing a reader with a reference tool. */
public record Entry(char type, int mode, long size, String sha256, String target, int major, int minor) {

    public static Entry dir(int mode) {
        return new Entry('d', mode & 07777, 0, null, null, 0, 0);
    }

    public static Entry file(int mode, long size, String sha) {
        return new Entry('f', mode & 07777, size, sha, null, 0, 0);
    }

    public static Entry symlink(String target) {
        return new Entry('l', 0, 0, null, target, 0, 0);
    }

    /** Same entry without its mode, for tools that do not keep modes. */
    public Entry withoutMode() {
        return new Entry(type, 0, size, sha256, target, major, minor);
    }
}
