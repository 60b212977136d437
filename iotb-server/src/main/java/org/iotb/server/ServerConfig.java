package org.iotb.server;

import java.nio.file.Path;
import java.time.Duration;
import org.iotb.server.ops.Operations;

/**
 * How {@link ServerApp} runs: where it listens (loopback by default: exposing the workspace is a decision), the data
 * directory (the only place it writes: multipart scratch under {@code <data>/work/uploads}), whether the session
 * cookie is {@code Secure} (behind https), the largest firmware upload, how long an idle session lives, and the
 * {@link Operations} probe behind /health and /metrics.
 */
public record ServerConfig(String bind, int port, Path dataDir, boolean secureCookies, long uploadLimit,
                           Duration sessionIdle, Operations operations) {

    /** 512 MiB: the largest vendor images seen are a few hundred MiB. */
    public static final long DEFAULT_UPLOAD_LIMIT = 512L * 1024 * 1024;

    public ServerConfig {
        if (bind == null || bind.isBlank()) {
            bind = "127.0.0.1";
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("a data directory is needed");
        }
        if (uploadLimit <= 0) {
            uploadLimit = DEFAULT_UPLOAD_LIMIT;
        }
        if (sessionIdle == null) {
            sessionIdle = Duration.ofHours(8);
        }
        if (operations == null) {
            operations = Operations.UNKNOWN;
        }
    }

    /** Loopback, port 8080, insecure cookies (plain http on loopback), the default upload limit, 8 h sessions. */
    public static ServerConfig of(Path dataDir) {
        return new ServerConfig("127.0.0.1", 8080, dataDir, false, DEFAULT_UPLOAD_LIMIT, Duration.ofHours(8), null);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(bind, p, dataDir, secureCookies, uploadLimit, sessionIdle, operations);
    }

    public ServerConfig withBind(String b) {
        return new ServerConfig(b, port, dataDir, secureCookies, uploadLimit, sessionIdle, operations);
    }

    public ServerConfig withSecureCookies(boolean s) {
        return new ServerConfig(bind, port, dataDir, s, uploadLimit, sessionIdle, operations);
    }

    public ServerConfig withUploadLimit(long limit) {
        return new ServerConfig(bind, port, dataDir, secureCookies, limit, sessionIdle, operations);
    }

    public ServerConfig withOperations(Operations ops) {
        return new ServerConfig(bind, port, dataDir, secureCookies, uploadLimit, sessionIdle, ops);
    }

    /** Multipart uploads are spooled here (inside the data directory, like everything the server writes). */
    public Path uploadScratch() {
        return dataDir.resolve("work").resolve("uploads");
    }
}
