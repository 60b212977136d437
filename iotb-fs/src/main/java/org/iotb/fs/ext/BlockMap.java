package org.iotb.fs.ext;

import java.io.IOException;

/** Logical file block to physical block; 0 means a hole (read as zeros). */
interface BlockMap {
    long physical(long logical) throws IOException;
}
