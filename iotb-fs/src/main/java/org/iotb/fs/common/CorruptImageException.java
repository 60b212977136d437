package org.iotb.fs.common;

import java.io.IOException;

/** The reader's own controlled error: a structure in the image is malformed or exceeds a limit. */
public class CorruptImageException extends IOException {
    public CorruptImageException(String message) {
        super(message);
    }

    public CorruptImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
