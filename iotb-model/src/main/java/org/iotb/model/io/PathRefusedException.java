package org.iotb.model.io;

import java.io.IOException;

/**
 * A path iotb refuses to use: an output that would be written through a symbolic link or into something that is
 * not a real directory, an input that is a device, FIFO or socket, an output that already exists. It is a problem
 * with what the caller gave, not a bug: the command line prints the message alone and exits with 2.
 */
public class PathRefusedException extends IOException {
    public PathRefusedException(String message) {
        super(message);
    }
}
