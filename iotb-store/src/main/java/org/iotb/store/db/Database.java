package org.iotb.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The workspace's one database: an embedded SQLite file {@code <dataDir>/iotb.db} by default (zero setup), or a
 * PostgreSQL server when given a {@code jdbc:postgresql:} URL (many users, many workers). Opening migrates the schema
 * to the newest version (Flyway, {@code db/migration}); the same migration files serve both kinds, the few type
 * names that differ are Flyway placeholders ({@link #placeholders}).
 *
 * <p>SQLite: write-ahead log, foreign keys on, a busy timeout, and every transaction begins IMMEDIATE so writers queue
 * on the lock instead of failing when a read transaction upgrades; one process per file (a single scheduler).
 */
public final class Database implements AutoCloseable {
    /** How long an SQLite writer waits for the lock before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    /** The two kinds of database the workspace runs on. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;

    private Database(Kind kind, HikariDataSource dataSource, String description) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // a query whose WHERE depends on the role binds its parameters either way (an admin's list has no :org)
        this.jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
        this.description = description;
    }

    /**
     * Opens (and migrates) the database: {@code jdbcUrlOrNull} null → SQLite at {@code <dataDir>/iotb.db};
     * {@code jdbc:postgresql:…} → PostgreSQL (user and password in the URL's parameters or {@code PGUSER}/{@code
     * PGPASSWORD}); anything else is refused.
     */
    public static Database open(String jdbcUrlOrNull, Path dataDir) throws IOException {
        Database db;
        if (jdbcUrlOrNull == null || jdbcUrlOrNull.isBlank()) {
            Files.createDirectories(dataDir);
            db = sqlite(dataDir.resolve("iotb.db"));
        } else if (jdbcUrlOrNull.startsWith("jdbc:postgresql:")) {
            db = postgresql(jdbcUrlOrNull);
        } else {
            throw new IllegalArgumentException("unsupported database URL (give none for SQLite, or jdbc:postgresql://…): "
                    + jdbcUrlOrNull.replaceAll("password=[^&]*", "password=…"));
        }
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static Database sqlite(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("iotb-sqlite");
        // readers run side by side under WAL; writers queue on the database lock (busy timeout)
        hikari.setMaximumPoolSize(8);
        hikari.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS);
        return new Database(Kind.SQLITE, new HikariDataSource(hikari), "SQLite " + file.toAbsolutePath());
    }

    private static Database postgresql(String url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setDriverClassName("org.postgresql.Driver");
        if (System.getenv("PGUSER") != null && !url.contains("user=")) {
            hikari.setUsername(System.getenv("PGUSER"));
            hikari.setPassword(System.getenv("PGPASSWORD"));
        }
        hikari.setPoolName("iotb-postgresql");
        hikari.setMaximumPoolSize(16);
        hikari.setMinimumIdle(2);
        int q = url.indexOf('?');
        return new Database(Kind.POSTGRESQL, new HikariDataSource(hikari), "PostgreSQL " + (q < 0 ? url : url.substring(0, q)));
    }

    /** Brings the schema to the newest migration; running it on an up-to-date database does nothing. */
    void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + kind.name().toLowerCase(java.util.Locale.ROOT))
                .placeholders(placeholders(kind))
                .load()
                .migrate();
    }

    /** The type names the two databases spell differently, for the migration files (the workspace's and the batch's). */
    public static Map<String, String> placeholders(Kind kind) {
        return switch (kind) {
            case SQLITE -> Map.of(
                    "id", "INTEGER PRIMARY KEY AUTOINCREMENT",
                    "bytes", "BLOB",
                    "timestamptz", "TIMESTAMP",
                    "text", "TEXT");
            case POSTGRESQL -> Map.of(
                    "id", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                    "bytes", "BYTEA",
                    "timestamptz", "TIMESTAMP WITH TIME ZONE",
                    "text", "TEXT");
        };
    }

    public Kind kind() {
        return kind;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether the database answers (for /health). */
    public boolean reachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
