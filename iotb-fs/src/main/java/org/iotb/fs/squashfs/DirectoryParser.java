package org.iotb.fs.squashfs;

import java.io.IOException;
import java.util.List;

/** Lists a directory inode's entries. */
interface DirectoryParser {
    List<DirectoryReader.Entry> list(Inode dir) throws IOException;
}
