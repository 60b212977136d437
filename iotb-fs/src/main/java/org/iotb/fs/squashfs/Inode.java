package org.iotb.fs.squashfs;

/**
 * One parsed squashfs inode. Only the fields of its kind are meaningful. For a regular file,
 * {@code blockList} is positioned at the first block-size entry and is read lazily, so a hostile
 * file size never turns into a large allocation.
 */
record Inode(Kind kind, int mode, int uidIndex, int gidIndex, long mtime, long number, long nlink,
             long dirStartBlock, int dirOffset, long dirSize,
             long blocksStart, long fragment, long fragmentOffset, long fileSize, MetadataTable.Cursor blockList,
             String symlinkTarget, int major, int minor) {

    enum Kind { DIRECTORY, FILE, SYMLINK, BLOCK_DEVICE, CHAR_DEVICE, FIFO, SOCKET }

    static final long NO_FRAGMENT = 0xffffffffL;

    boolean hasFragment() {
        return fragment != NO_FRAGMENT;
    }
}
