package org.iotb.unpack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.iotb.unpack.engine.UnpackRun;
import org.iotb.unpack.spi.FormatHandler;

/**
 * The unpacking engine: finds every structure any {@link FormatHandler} on the class path recognises, at any
 * offset, extracts it through the safe-write gate, and recurses into what came out. Used by {@code iotb unpack},
 * {@code iotb scan} and {@code iotb assess}.
 */
public final class Unpacker {
    private final List<FormatHandler> handlers;

    /** An engine with every handler registered with {@link ServiceLoader}. */
    public Unpacker() {
        this(loadHandlers(Unpacker.class.getClassLoader()));
    }

    /** An engine with exactly these handlers (tests, embedding). */
    public Unpacker(List<FormatHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    public static List<FormatHandler> loadHandlers(ClassLoader loader) {
        List<FormatHandler> list = new ArrayList<>();
        for (ServiceLoader.Provider<FormatHandler> p : ServiceLoader.load(FormatHandler.class, loader).stream().toList()) {
            try {
                list.add(p.get());
            } catch (java.util.ServiceConfigurationError e) {
                // a broken handler must not take the engine down; it is simply absent
            }
        }
        list.sort(Comparator.comparing(FormatHandler::id));
        return list;
    }

    public List<FormatHandler> handlers() {
        return handlers;
    }

    public UnpackResult unpack(Path image, Path outDir, UnpackOptions options) throws IOException {
        return unpack(image, outDir, options, UnpackListener.NONE);
    }

    /**
     * Unpacks {@code image} into {@code outDir/<image-name>.extracted} and writes {@code outDir/manifest.json}.
     * Limits and malformed input give warnings and a partial result; an IOException means the image could not
     * be read or the output directory not written at all.
     */
    public UnpackResult unpack(Path image, Path outDir, UnpackOptions options, UnpackListener listener)
            throws IOException {
        return new UnpackRun(handlers, options, listener == null ? UnpackListener.NONE : listener).run(image, outDir);
    }
}
