package org.iotb.store.workspace;

import java.time.Instant;

/** One firmware release of a product: the image is a blob, stored once by its SHA-256 however often it is uploaded. */
public record FirmwareVersion(long id, long productId, String version, String fileName, String sha256, long size,
                              String uploadedBy, Instant uploadedAt) {
}
