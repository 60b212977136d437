package org.iotb.store.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster for tests: Debian's binaries ({@code /usr/lib/postgresql/15/bin}, or
 * {@code $IOTB_PG_BIN}) run {@code initdb} and {@code pg_ctl} in a temporary directory, listening on a free loopback
 * port only (and a socket in that directory), with trust authentication for the user {@code iotb} and fsync off.
 * PostgreSQL refuses to run as root: when the JVM is root the cluster runs as {@code postgres} (or {@code nobody})
 * through {@code runuser}, with the directory handed to that user. Tests that need it abort (skip) with a clear
 * message when the binaries are missing.
 *
 * <p>{@link #shared()} is one cluster per JVM (stopped when the JVM exits); {@link #newDatabaseUrl()} gives each test
 * its own empty database in it, so tests do not see each other's rows.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static PostgresCluster shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final List<String> runAs;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean stopped;

    private PostgresCluster(Path bin, Path dir, int port, List<String> runAs) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.runAs = runAs;
    }

    /** The JVM's cluster, started on first use; skips the calling test when PostgreSQL is not installed. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test PostgreSQL cluster: " + e.getMessage(), e);
            }
            PostgresCluster c = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(c::close, "stop-test-postgresql"));
        }
        return shared;
    }

    /** Whether the PostgreSQL binaries are there (tests skip otherwise). */
    public static boolean available() {
        return Files.isExecutable(bin().resolve("initdb")) && Files.isExecutable(bin().resolve("pg_ctl"));
    }

    /** A new cluster of its own (the caller closes it). */
    public static PostgresCluster start() throws IOException {
        Assumptions.assumeTrue(available(), "PostgreSQL binaries not found in " + bin()
                + " (Debian's postgresql package, .ci/packages/iotb-store.txt; or set IOTB_PG_BIN): PostgreSQL tests skipped");
        Path dir = Files.createTempDirectory("iotb-pg-");
        List<String> runAs = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = userExists("postgres") ? "postgres" : "nobody";
            chown(dir, user);
            runAs = List.of("runuser", "-u", user, "--");
        }
        PostgresCluster c = new PostgresCluster(bin(), dir, freePort(), runAs);
        c.run(List.of(c.bin.resolve("initdb").toString(), "-D", c.data().toString(), "-A", "trust", "-U", "iotb",
                "-E", "UTF8", "--locale=C", "--no-sync"), 120);
        c.run(List.of(c.bin.resolve("pg_ctl").toString(), "-D", c.data().toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + c.port + " -c listen_addresses=127.0.0.1 -k " + dir
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
                "start"), 90);
        return c;
    }

    /** The cluster's default database ({@code postgres}), as user {@code iotb}. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=iotb";
    }

    public int port() {
        return port;
    }

    /** A new, empty database in the cluster (its own name), for one test. */
    public String newDatabaseUrl() {
        String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name); // name built from numbers only
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"), 60);
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgresCluster: stop failed: " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Path log = dir.resolve("commands.log");
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            Path serverLog = dir.resolve("postgres.log");
            if (Files.exists(serverLog)) {
                out += Files.readString(serverLog);
            }
            throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "):\n" + out);
        }
    }

    private static Path bin() {
        String env = System.getenv("IOTB_PG_BIN");
        return env != null ? Path.of(env) : DEFAULT_BIN;
    }

    private static boolean userExists(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void chown(Path dir, String user) throws IOException {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(dir, owner);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
