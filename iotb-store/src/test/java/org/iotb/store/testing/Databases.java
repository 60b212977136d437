package org.iotb.store.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.iotb.store.db.Database;

/**
 * The two databases for parameterised tests: the same test class runs on SQLite and on a real PostgreSQL (a
 * database of its own in the JVM's {@link PostgresCluster}; skipped when PostgreSQL is not installed).
 *
 * <pre>
 * &#64;ParameterizedTest
 * &#64;MethodSource("org.iotb.store.testing.Databases#kinds")
 * void works(Database.Kind kind, &#64;TempDir Path data) throws Exception {
 *     try (Database db = Databases.open(kind, data)) { … }
 * }
 * </pre>
 * Classes that use PostgreSQL are integration tests ({@code @Tag("integration")}: they start a server).
 */
public final class Databases {
    private Databases() {
    }

    /** SQLite and PostgreSQL, for {@code @MethodSource}. */
    public static Stream<Database.Kind> kinds() {
        return Stream.of(Database.Kind.SQLITE, Database.Kind.POSTGRESQL);
    }

    /** A fresh, migrated database of this kind: SQLite under {@code dataDir}, PostgreSQL as a new database. */
    public static Database open(Database.Kind kind, Path dataDir) throws IOException {
        return Database.open(url(kind), dataDir);
    }

    /** The URL to give {@link Database#open} (and {@code iotb serve --db}) for a fresh database: null for SQLite. */
    public static String url(Database.Kind kind) {
        return kind == Database.Kind.SQLITE ? null : PostgresCluster.shared().newDatabaseUrl();
    }
}
