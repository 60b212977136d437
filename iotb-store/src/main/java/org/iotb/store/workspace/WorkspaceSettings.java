package org.iotb.store.workspace;

import java.nio.file.Path;
import org.iotb.catalog.Catalog;
import org.iotb.store.accounts.Passwords;

/**
 * How a {@link DatabaseWorkspace} behaves: its data directory (scratch files go under {@code <dataDir>/work}), the
 * largest firmware upload it accepts, the bcrypt cost of new password hashes (12; tests may use 4) and the catalog
 * (the standards) profiles and declarations are validated against.
 */
public record WorkspaceSettings(Path dataDir, long uploadLimitBytes, int bcryptCost, Catalog catalog) {
    /** 1 GiB: larger than any consumer-IoT image we know (the biggest samples are a few hundred MiB). */
    public static final long DEFAULT_UPLOAD_LIMIT = 1L << 30;

    public WorkspaceSettings {
        if (uploadLimitBytes < 1) {
            throw new IllegalArgumentException("the upload limit must be positive");
        }
    }

    public static WorkspaceSettings defaults(Path dataDir) {
        return new WorkspaceSettings(dataDir, DEFAULT_UPLOAD_LIMIT, Passwords.DEFAULT_COST, Catalog.load());
    }

    public WorkspaceSettings withUploadLimit(long bytes) {
        return new WorkspaceSettings(dataDir, bytes, bcryptCost, catalog);
    }

    /** A lower cost makes tests fast; production keeps {@link Passwords#DEFAULT_COST}. */
    public WorkspaceSettings withBcryptCost(int cost) {
        return new WorkspaceSettings(dataDir, uploadLimitBytes, cost, catalog);
    }
}
