package org.iotb.sbom;

/**
 * How to build an SBOM. {@code subjectName}/{@code subjectSha256} describe the image the tree came from (the
 * caller hashed it). Limits bound the work on hostile input: files larger than {@code maxFileBytes} are read only
 * up to that many bytes, and no more than {@code maxFiles} files are examined.
 */
public record SbomOptions(
        String subjectName,
        String subjectSha256,
        long maxFileBytes,
        int maxFiles,
        long maxTotalBytes,
        boolean usePackageDatabases,
        boolean useSignatures) {

    public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_FILES = 200_000;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 4L << 30;

    public static SbomOptions of(String subjectName, String subjectSha256) {
        return new SbomOptions(subjectName, subjectSha256, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES,
                DEFAULT_MAX_TOTAL_BYTES, true, true);
    }

    /** Options naming an image file as the subject: its file name and SHA-256 (the file is read once). */
    public static SbomOptions forImage(java.nio.file.Path imageFile) throws java.io.IOException {
        return of(imageFile.getFileName().toString(), SbomBuilder.sha256(imageFile));
    }

    public static SbomOptions defaults() {
        return of(null, null);
    }

    public SbomOptions signaturesOnly() {
        return new SbomOptions(subjectName, subjectSha256, maxFileBytes, maxFiles, maxTotalBytes, false, true);
    }

    public SbomOptions packageDatabasesOnly() {
        return new SbomOptions(subjectName, subjectSha256, maxFileBytes, maxFiles, maxTotalBytes, true, false);
    }
}
