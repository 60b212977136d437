package org.iotb.cli.common;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import org.iotb.pipeline.PipelineListener;

/**
 * Progress on stderr. On a terminal a phase shows a live status line; in CI or when output is redirected it
 * prints one line when a phase starts and one when it ends, so logs stay readable. Quiet mode prints nothing.
 * The command line's {@link PipelineListener}: a phase is a pipeline stage.
 */
public final class Progress implements PipelineListener {
    private final PrintWriter err;
    private final boolean live;
    private final boolean quiet;
    private String phase;
    private Instant started;
    private long lastUpdate;

    public Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.live = Output.interactive();
    }

    public static Progress silent() {
        return new Progress(new PrintWriter(java.io.OutputStream.nullOutputStream()), true);
    }

    @Override
    public void stageStarted(String phaseName) {
        phase = phaseName;
        started = Instant.now();
        if (!quiet) {
            if (live) {
                err.print("\r\033[K" + phase + " …");
            } else {
                err.println("iotb: " + phase + " …");
            }
            err.flush();
        }
    }

    /** A status update; shown only on a terminal, at most ten times a second. */
    @Override
    public void progress(String status) {
        if (quiet || !live) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastUpdate < 100_000_000L) {
            return;
        }
        lastUpdate = now;
        err.print("\r\033[K" + phase + ": " + status);
        err.flush();
    }

    @Override
    public void stageDone(String summary) {
        if (quiet) {
            return;
        }
        long ms = started == null ? 0 : Duration.between(started, Instant.now()).toMillis();
        String line = phase + ": " + summary + String.format(" (%.1f s)", ms / 1000.0);
        if (live) {
            err.print("\r\033[K");
        }
        err.println((live ? "" : "iotb: ") + line);
        err.flush();
    }

    public void warn(String message) {
        if (!quiet) {
            if (live) {
                err.print("\r\033[K");
            }
            err.println("iotb: warning: " + message);
            err.flush();
        }
    }
}
