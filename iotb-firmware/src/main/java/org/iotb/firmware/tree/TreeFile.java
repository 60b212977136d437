package org.iotb.firmware.tree;

import java.nio.file.Path;

/**
 * One regular file of the unpacked tree. {@code path} is relative to the tree root with '/' separators
 * (the form evidence uses); {@code absolute} is where it lives on disk.
 */
public record TreeFile(String path, Path absolute, long size, FileKind kind, boolean executable) {

    /** The last path element. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public boolean isText() {
        return kind == FileKind.SCRIPT || kind == FileKind.CONFIG || kind == FileKind.CERTIFICATE
                || kind == FileKind.KEY || kind == FileKind.WEB_ASSET || kind == FileKind.SOURCE
                || kind == FileKind.TEXT;
    }
}
