package org.iotb.fs.tools;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;

/**
 * Benchmark and debugging entry point: extracts the file system at an offset of an image into a directory.
 * Usage: ExtractToDir IMAGE OUTDIR [OFFSET]. Prints the match, entry count and warnings. With
 * {@code -Ddiscard=true} file contents are read to the end but not written (times the reader alone).
 */
public final class ExtractToDir {
    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long offset = args.length > 2 ? Long.decode(args[2]) : 0;
        try (ByteSource src = ByteSource.open(image)) {
            for (FormatHandler h : ServiceLoader.load(FormatHandler.class)) {
                if (!h.getClass().getPackageName().startsWith("org.iotb.fs")) {
                    continue;
                }
                Optional<Match> m = h.identify(src, offset);
                if (m.isEmpty()) {
                    continue;
                }
                System.out.println("match: " + m.get().description() + " length " + m.get().length());
                DirSink sink = new DirSink(out, Boolean.getBoolean("discard"));
                long t0 = System.nanoTime();
                h.extract(src, m.get(), sink);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("files " + sink.files + " bytes " + sink.bytes + " symlinks " + sink.links
                        + " hardlinks " + sink.hardlinks + " warnings " + sink.warnings + " ms " + ms);
                return;
            }
            System.out.println("no file system recognised at offset " + offset);
            System.exit(2);
        }
    }
}
