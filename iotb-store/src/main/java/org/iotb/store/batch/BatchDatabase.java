package org.iotb.store.batch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The database a batch uses: PostgreSQL when a {@code jdbc:postgresql:} URL is given (the cluster), else the SQLite
 * file {@code <dataDir>/iotb.db} (one machine). Opened with its batch tables migrated.
 */
public final class BatchDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final BatchStore store;

    private BatchDatabase(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.store = new BatchStore(dataSource, postgres);
    }

    public static BatchDatabase open(String jdbcUrl, Path dataDir, int poolSize) throws IOException {
        HikariConfig c = new HikariConfig();
        c.setPoolName("iotb-batch");
        c.setMaximumPoolSize(Math.max(2, poolSize));
        c.setMinimumIdle(1);
        boolean postgres = jdbcUrl != null;
        if (postgres) {
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql:// URL, not " + jdbcUrl);
            }
            c.setJdbcUrl(jdbcUrl);
        } else {
            Path file = Files.createDirectories(dataDir).resolve("iotb.db");
            // WAL: readers (the batch follower) never wait for the writer; busy_timeout: writers queue up
            c.setJdbcUrl("jdbc:sqlite:" + file);
            c.addDataSourceProperty("journalMode", "WAL");
            c.addDataSourceProperty("busyTimeout", "30000");
            c.addDataSourceProperty("foreignKeys", "true");
            c.setConnectionInitSql("PRAGMA busy_timeout = 30000");
        }
        return new BatchDatabase(new HikariDataSource(c), postgres);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean postgres() {
        return postgres;
    }

    public BatchStore store() {
        return store;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
