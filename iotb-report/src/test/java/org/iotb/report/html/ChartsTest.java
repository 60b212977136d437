package org.iotb.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ChartsTest {
    @Test
    void donutDrawsOneArcPerNonEmptyVerdictAndTheTotal() {
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("pass", 3, "fail", 2, "inconclusive", 0,
                "not-assessed", 5, "not-applicable", 0));
        String svg = Charts.donut(counts, 120);
        assertThat(Pattern.compile("<path ").matcher(svg).results().count()).isEqualTo(3);
        assertThat(svg).contains(">10</text>").contains("#c62828").contains("#2e7d32").doesNotContain("#ef8f00");
        String full = Charts.donut(Map.of("fail", 4), 120);
        assertThat(full).doesNotContain("<path ").contains("stroke=\"#c62828\"");
    }

    @Test
    void reductionKeepsAShortHighEntropyRegionVisible() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            values.add(i == 73_210 ? 7.9 : 0.1);
        }
        double[] reduced = Charts.reduce(values, Charts.MAX_POINTS);
        assertThat(reduced).hasSize(Charts.MAX_POINTS);
        assertThat(Arrays.stream(reduced).max().orElse(0)).isEqualTo(7.9);
    }

    /** A real vendor image: its LZMA-compressed body must plot above the 7.2-bit line, its header below. */
    @Test
    @Tag("integration")
    void realFirmwareEntropyPlotsCompressedDataHigh() throws Exception {
        Path samples = Path.of(System.getProperty("IOTB_SAMPLES",
                System.getenv().getOrDefault("IOTB_SAMPLES", "../../shared/samples")));
        Path image = samples.resolve("firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
        assumeTrue(Files.isRegularFile(image), "sample image absent (" + image + "); set IOTB_SAMPLES to the samples folder");
        byte[] data = Files.readAllBytes(image);
        List<Double> bits = new ArrayList<>();
        for (int off = 0; off < data.length; off += 4096) {
            int[] h = new int[256];
            int len = Math.min(4096, data.length - off);
            for (int i = 0; i < len; i++) {
                h[data[off + i] & 0xff]++;
            }
            double e = 0;
            for (int c : h) {
                if (c > 0) {
                    double p = (double) c / len;
                    e -= p * Math.log(p) / Math.log(2);
                }
            }
            bits.add(e);
        }
        String svg = Charts.entropy(bits, data.length, 720, 130);
        Matcher m = Pattern.compile("points=\"([^\"]+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        String[] pts = m.group(1).split(" ");
        assertThat(pts).hasSize(Math.min(bits.size(), Charts.MAX_POINTS));
        // y of the 7.2-bit line: plot top 6, height 130-18-6 = 106
        double threshold = 6 + 106 - 0.9 * 106;
        long above = Arrays.stream(pts).mapToDouble(p -> Double.parseDouble(p.split(",")[1])).filter(y -> y < threshold).count();
        assertThat(above).as("compressed kernel and squashfs plot above the line").isGreaterThan(pts.length / 2);
        assertThat(svg).contains("3.9 MiB");
    }
}
