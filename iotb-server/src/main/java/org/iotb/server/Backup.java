package org.iotb.server;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.store.db.Database;

/**
 * {@code iotb serve --backup FILE}: a consistent copy of an SQLite workspace database ({@code VACUUM INTO}, safe
 * while the server runs) and {@code FILE.blobs.txt}, the list of blob files (digest, size) the database refers to
 * under {@code <data>/blobs}; blobs never change once written, so copying that directory (rsync, tar) after the
 * database is consistent. A PostgreSQL workspace is backed up with pg_dump instead.
 */
public final class Backup {
    private Backup() {
    }

    /** The database copy and the blob list it wrote. */
    public record Result(Path database, Path blobList, long blobs) {
    }

    public static Result write(Database db, Path dataDir, Path file) throws IOException {
        if (db.kind() != Database.Kind.SQLITE) {
            throw new UnsupportedOperationException("a PostgreSQL workspace is backed up with pg_dump (e.g. pg_dump -Fc -f "
                    + file + " DBNAME) plus a copy of " + dataDir.resolve("blobs"));
        }
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new IOException(target + " exists; give a new file name");
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        // the file name is a bound parameter: VACUUM INTO takes any string expression
        db.jdbi().useHandle(h -> h.createUpdate("VACUUM INTO :file").bind("file", target.toString()).execute());
        Path list = target.resolveSibling(target.getFileName() + ".blobs.txt");
        long n = 0;
        try (Writer w = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
            w.write("# blobs of " + dataDir.toAbsolutePath().normalize().resolve("blobs")
                    + " (sha256 size); copy that directory after the database\n");
            var rows = db.jdbi().withHandle(h -> h.createQuery("SELECT sha256, size FROM blobs ORDER BY sha256")
                    .map((rs, c) -> rs.getString("sha256") + " " + rs.getLong("size")).list());
            for (String row : rows) {
                w.write(row + "\n");
                n++;
            }
        }
        return new Result(target, list, n);
    }
}
