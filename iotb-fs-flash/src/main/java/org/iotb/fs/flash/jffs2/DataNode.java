package org.iotb.fs.flash.jffs2;

/** Where one inode node's data lives and how to turn it into {@code dsize} bytes at file offset {@code offset}. */
record DataNode(long version, long dataPos, long offset, int csize, int dsize, int compr) {
}
