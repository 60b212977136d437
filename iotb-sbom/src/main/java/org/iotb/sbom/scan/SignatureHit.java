package org.iotb.sbom.scan;

import org.iotb.sbom.Confidence;

/**
 * One signature match in one file: which component, the version read (null: present, version unknown), how
 * sure, the file (relative path), where in it and the matched text. {@code rank} is the pattern's preference.
 */
public record SignatureHit(
        Signature signature,
        String version,
        Confidence confidence,
        int rank,
        String path,
        Long offset,
        String excerpt) {
}
