package org.iotb.unpack.io;

import java.io.IOException;

/**
 * A reader's own controlled error: a structure or compressed block in the image is malformed or exceeds a limit.
 * Thrown by the bounds-checked {@link Bytes} reads and the block codecs ({@code org.iotb.unpack.codec}); the
 * file-system readers turn it into a warning and keep what they have read.
 */
public class CorruptImageException extends IOException {
    public CorruptImageException(String message) {
        super(message);
    }

    public CorruptImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
