package org.iotb.fs.flash.jffs2;

import java.util.ArrayList;
import java.util.List;

/** All valid inode nodes seen for one inode number; metadata comes from the newest. */
final class InodeLog {
    long latestVersion = -1;
    int mode;
    long mtime;
    long isize;
    final List<DataNode> data = new ArrayList<>();

    void add(long version, int mode, long mtime, long isize, DataNode node) {
        if (version > latestVersion) {
            latestVersion = version;
            this.mode = mode;
            this.mtime = mtime;
            this.isize = isize;
        }
        if (node != null) {
            data.add(node);
        }
    }
}
