package org.iotb.cli.batch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.iotb.cli.UserInputException;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.blob.LocalBlobStore;
import org.iotb.store.blob.S3BlobStore;

/** The blob store `--blobs s3://bucket/prefix [--s3-endpoint URL]` names, else the local one under `--data`. */
final class BlobStores {
    private BlobStores() {
    }

    static BlobStore open(Path dataDir, String blobs, String s3Endpoint) throws IOException {
        if (blobs == null) {
            if (dataDir == null) {
                throw new UserInputException("say where the blobs are: --data DIR (shared by every worker) or --blobs s3://bucket/prefix");
            }
            return LocalBlobStore.inDataDir(dataDir);
        }
        URI location;
        URI endpoint;
        try {
            location = URI.create(blobs);
            endpoint = s3Endpoint == null ? null : URI.create(s3Endpoint);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--blobs/--s3-endpoint: " + e.getMessage());
        }
        try {
            return S3BlobStore.open(location, endpoint, dataDir == null ? null : dataDir.resolve("work"));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--blobs: " + e.getMessage());
        }
    }
}
