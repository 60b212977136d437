package org.iotb.unpack.spi;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One image format: how to recognise it at any offset and how to extract it. Handlers are found with
 * {@link java.util.ServiceLoader} (META-INF/services/org.iotb.unpack.spi.FormatHandler), so a module adds a
 * format without touching the engine. A handler is stateless and thread-safe.
 *
 * <p>Contract with the engine: {@link #identify} must be cheap and must validate structure (not only magic)
 * so that carving at any offset does not produce false matches; {@link #extract} writes only through the
 * {@link ExtractionSink}, never to the file system directly, reports malformed structures with
 * {@link ExtractionSink#warn} and returns what it could read rather than throwing, and stops when
 * {@link ExtractionSink#cancelled()} says so.
 */
public interface FormatHandler {

    /** Stable format id used in the manifest: "squashfs", "jffs2", "gzip", "uimage"... */
    String id();

    /** Patterns the engine searches for; an empty list means the handler is only tried at offset 0. */
    List<Magic> magics();

    /** Validates the structure starting at {@code offset}; empty when it is not this format. */
    Optional<Match> identify(ByteSource source, long offset) throws IOException;

    /** Extracts the matched structure. Paths given to the sink are relative, '/'-separated. */
    void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException;
}
