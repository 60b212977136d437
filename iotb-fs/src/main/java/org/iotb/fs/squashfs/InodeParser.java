package org.iotb.fs.squashfs;

import java.io.IOException;

/** Decodes the inode at a reference (block offset in the inode table << 16 | offset in the block). */
interface InodeParser {
    Inode read(long ref) throws IOException;
}
