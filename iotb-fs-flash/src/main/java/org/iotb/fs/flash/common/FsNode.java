package org.iotb.fs.flash.common;

/**
 * One inode of a flash file system after the on-flash log has been resolved: what it is, its permissions, and
 * (for files) how to read its bytes. {@code type} is 'd', 'f', 'l' (symlink), 'c', 'b', 'p' or 's'.
 */
public record FsNode(long ino, char type, int mode, long mtime, String linkTarget, int major, int minor,
                     FileContent content) {

    public static char typeOfMode(int mode) {
        return switch (mode & 0170000) {
            case 0040000 -> 'd';
            case 0100000 -> 'f';
            case 0120000 -> 'l';
            case 0020000 -> 'c';
            case 0060000 -> 'b';
            case 0010000 -> 'p';
            case 0140000 -> 's';
            default -> '?';
        };
    }
}
