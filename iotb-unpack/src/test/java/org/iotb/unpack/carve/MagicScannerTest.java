package org.iotb.unpack.carve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Test;

class MagicScannerTest {

    private static FormatHandler handler(String id, Magic... magics) {
        return new FormatHandler() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Magic> magics() {
                return List.of(magics);
            }

            @Override
            public Optional<Match> identify(ByteSource source, long offset) {
                return Optional.empty();
            }

            @Override
            public void extract(ByteSource source, Match match, ExtractionSink sink) {
            }
        };
    }

    @Test
    void findsPatternsAcrossChunkBoundariesAtTheEndAndWithAnOffset() throws IOException {
        byte[] data = new byte[9 * 1024 * 1024];
        int boundary = 4 * 1024 * 1024;
        put(data, boundary - 3, "HDR0");          // straddles the first chunk boundary
        put(data, 100, "HDR0");
        put(data, data.length - 4, "HDR0");       // ends exactly at the end
        put(data, 5000 + 257, "ustar");           // a tar header at 5000
        put(data, 10, "ustar");                    // too early for its offset: no candidate
        List<FormatHandler> hs = List.of(handler("trx", Magic.ascii(0, "HDR0")), handler("tar", Magic.ascii(257, "ustar")),
                handler("short", Magic.of(0, 0x00)));
        MagicScanner.Result r = new MagicScanner(hs).scan(ByteSource.of(data), 1000, () -> false);
        assertThat(r.capped()).isFalse();
        assertThat(r.candidates()).containsExactly(new Candidate(100, 0), new Candidate(5000, 1),
                new Candidate(boundary - 3, 0), new Candidate(data.length - 4, 0));
    }

    @Test
    void aSprayIsCappedPerRegionAndNeverHidesALaterStructure() throws IOException {
        // 3 MiB of one magic at every 4th byte, then the same magic once more in the fourth region
        byte[] data = new byte[4 * 1024 * 1024];
        byte[] spray = "HDR0".repeat(3 * 1024 * 1024 / 4).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(spray, 0, data, 0, spray.length);
        int late = 3 * 1024 * 1024 + 4096;
        put(data, late, "HDR0");
        MagicScanner.Result r = new MagicScanner(List.of(handler("trx", Magic.ascii(0, "HDR0"))))
                .scan(ByteSource.of(data), 100, () -> false);
        assertThat(r.capped()).isFalse();
        assertThat(r.dropped()).isPositive();
        // the first 100 (the overall limit) all come from region 0; past it each region still keeps a few,
        // and region 3 its one
        assertThat(r.candidates()).hasSize(100 + 2 * MagicScanner.PER_REGION_OVER + 1);
        assertThat(r.candidates()).contains(new Candidate(late, 0), new Candidate(MagicScanner.REGION, 0),
                new Candidate(2 * MagicScanner.REGION, 0));
    }

    private static void put(byte[] d, int at, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, d, at, b.length);
    }
}
