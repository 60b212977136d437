package org.iotb.unpack.manifest;

/**
 * One container on the way from the image to a file: the structure of {@code format} found at
 * {@code offset} (and {@code length} bytes long, null when unknown) inside {@code container}, which is the
 * image's file name for the outermost step and otherwise a path relative to the output directory.
 */
public record ProvenanceStep(String container, String format, long offset, Long length) {
}
