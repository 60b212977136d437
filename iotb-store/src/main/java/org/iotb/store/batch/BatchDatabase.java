package org.iotb.store.batch;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.iotb.pipeline.stage.StageStore;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.DatabaseStageStore;

/**
 * The workspace database ({@link Database}: PostgreSQL for a {@code jdbc:postgresql:} URL, the cluster; else the
 * SQLite file {@code <dataDir>/iotb.db}, one machine) with the batch tables migrated on top.
 */
public final class BatchDatabase implements AutoCloseable {
    private final Database database;
    private final BatchStore store;

    private BatchDatabase(Database database) {
        this.database = database;
        this.store = new BatchStore(database.dataSource(), postgres());
    }

    public static BatchDatabase open(String jdbcUrl, Path dataDir) throws IOException {
        Database db = Database.open(jdbcUrl, dataDir);
        try {
            return new BatchDatabase(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public boolean postgres() {
        return database.kind() == Database.Kind.POSTGRESQL;
    }

    public BatchStore store() {
        return store;
    }

    public Database database() {
        return database;
    }

    /** The workspace's stage outputs (table stage_outputs) with the bytes in these blobs. */
    public StageStore stageStore(BlobStore blobs) {
        return new DatabaseStageStore(database, blobs);
    }

    @Override
    public void close() {
        database.close();
    }
}
