package org.iotb.fs.flash.common;

import java.io.IOException;
import java.io.InputStream;

/** The bytes of one regular file, produced lazily so that a large file is never held in memory whole. */
@FunctionalInterface
public interface FileContent {
    InputStream open() throws IOException;
}
