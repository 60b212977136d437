package org.iotb.server;

/** A started server: the port it listens on (the real one when 0 was asked for) and how to stop it. */
public interface RunningServer extends AutoCloseable {

    int port();

    /** {@code http://HOST:PORT} as a browser on this machine reaches it. */
    String url();

    /** Stops accepting requests and closes the listener; the Workspace is the caller's to close. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
