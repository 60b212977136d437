package org.iotb.server.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.slf4j.event.Level;

/**
 * Structured logs for {@code iotb serve}: one JSON object per line ({@code time, level, logger, message, requestId},
 * and {@code exception} with the stack trace) on stderr, from every library that logs through SLF4J (Javalin, Jetty,
 * db-scheduler, HikariCP, Flyway, iotb). Off until {@link #enable} is called, so the other iotb commands, and the
 * tests, stay quiet as with slf4j-nop.
 */
public final class JsonLog {
    /** -1: off; otherwise the lowest level written (slf4j's int: TRACE 0 … ERROR 40). */
    private static volatile int threshold = -1;
    private static volatile PrintStream out = System.err;

    private JsonLog() {
    }

    public static void enable(Level lowest, PrintStream to) {
        out = to;
        threshold = lowest.toInt();
    }

    public static void disable() {
        threshold = -1;
    }

    static boolean enabled(Level level, String logger) {
        int t = threshold;
        if (t < 0) {
            return false;
        }
        // Jetty and the JDBC pool tell a lot at INFO that an operator does not need
        int lowest = logger.startsWith("org.eclipse.jetty") || logger.startsWith("com.zaxxer") ? Level.WARN.toInt() : t;
        return level.toInt() >= lowest;
    }

    static void write(Level level, String logger, String message, String requestId, Throwable error) {
        StringBuilder b = new StringBuilder(160);
        b.append("{\"time\":\"").append(Instant.now()).append("\",\"level\":\"").append(level.name())
                .append("\",\"logger\":");
        quote(b, logger);
        b.append(",\"message\":");
        quote(b, message);
        if (requestId != null) {
            b.append(",\"requestId\":");
            quote(b, requestId);
        }
        b.append(",\"thread\":");
        quote(b, Thread.currentThread().getName());
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            b.append(",\"exception\":");
            quote(b, trace.toString());
        }
        b.append('}');
        PrintStream o = out;
        synchronized (o) {
            o.println(b);
            o.flush();
        }
    }

    static void quote(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
