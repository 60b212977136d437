package org.iotb.unpack.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Test;

/** Each fuzz target's seeds (made by make-seeds.sh with the real tools) are recognised and extract cleanly. */
class SeedCorpusTest {
    static final Path INPUTS = Path.of("src/test/resources/org/iotb/unpack/formats/FormatFuzzTestInputs");

    static final Map<String, FormatHandler> HANDLERS = Map.ofEntries(
            Map.entry("gzip", new GzipHandler()), Map.entry("xz", new XzHandler()), Map.entry("lzma", new LzmaHandler()),
            Map.entry("bzip2", new Bzip2Handler()), Map.entry("zstd", new ZstdHandler()), Map.entry("lz4", new Lz4Handler()),
            Map.entry("lz4Legacy", new Lz4LegacyHandler()),
            Map.entry("lzo", new LzopHandler()), Map.entry("tar", new TarHandler()), Map.entry("cpio", new CpioHandler()),
            Map.entry("zip", new ZipHandler()), Map.entry("sevenZip", new SevenZipHandler()),
            Map.entry("uimage", new UImageHandler()), Map.entry("fit", new FitHandler()), Map.entry("dtb", new DtbHandler()),
            Map.entry("trx", new TrxHandler()), Map.entry("androidSparse", new AndroidSparseHandler()),
            Map.entry("androidBoot", new AndroidBootHandler()), Map.entry("ihex", new IntelHexHandler()),
            Map.entry("srec", new SrecHandler()));

    @Test
    void everySeedIsRecognisedAndExtracts() throws IOException {
        for (Map.Entry<String, FormatHandler> e : HANDLERS.entrySet()) {
            List<Path> seeds;
            try (Stream<Path> s = Files.list(INPUTS.resolve(e.getKey()))) {
                seeds = s.filter(p -> p.getFileName().toString().startsWith("seed-")).toList();
            }
            assertThat(seeds).as(e.getKey()).isNotEmpty();
            for (Path seed : seeds) {
                ByteSource src = ByteSource.of(Files.readAllBytes(seed));
                Optional<Match> m = e.getValue().identify(src, 0);
                assertThat(m).as("%s recognises %s", e.getKey(), seed.getFileName()).isPresent();
                DrainSink sink = new DrainSink();
                e.getValue().extract(src, m.get(), sink);
                assertThat(sink.entries).as(seed.toString()).isPositive();
                assertThat(sink.warnings).as(seed.toString()).isZero();
            }
        }
    }
}
