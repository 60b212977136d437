package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Renders the HTML report in headless Chromium and checks what a person sees: the rendered DOM text and a
 * screenshot. Files are left in target/report-render for a human look.
 */
@Tag("integration")
class HtmlChromiumTest {
    private static final Assessment A = SampleAssessments.v1();
    private static Path dir;
    private static Path html;
    private static String chromium;

    @BeforeAll
    static void render() throws Exception {
        chromium = Tools.require("chromium", "chromium");
        dir = Files.createDirectories(Path.of("target", "report-render").toAbsolutePath());
        html = dir.resolve("report.html");
        Files.writeString(html, HtmlReport.render(A), StandardCharsets.UTF_8);
    }

    @Test
    void domShowsTotalsLevelAndFailingReasons() throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-dom");
        List<String> cmd = new ArrayList<>(Tools.chromium(chromium, profile));
        cmd.add("--dump-dom");
        cmd.add(html.toUri().toString());
        Tools.Result r = Tools.run(dir, 120, cmd.toArray(String[]::new));
        Tools.deleteTree(profile);
        assertThat(r.exit()).as(r.stderr()).isZero();
        String dom = r.stdout();
        assertThat(dom).contains("Security assessment: Acme " + SampleAssessments.PRODUCT);
        for (StandardSummary s : A.summary()) {
            assertThat(dom).contains("<b>" + s.count(VerdictValue.FAIL) + "</b> fail")
                    .contains("<b>" + s.count(VerdictValue.PASS) + "</b> pass");
        }
        for (StandardSummary s : A.summary()) {
            assertThat(dom).contains("<p class=\"split\">" + BasisText.passSplit(s) + "</p>");
        }
        assertThat(dom).contains("<span class=\"basis b-declared\"").contains("<span class=\"conflict-badge\"");
        assertThat(dom).contains("Xiaomi security level: " + A.levels().get("xiaomi-iot-baseline").level().toUpperCase());
        assertThat(dom).contains("Bottom line: the product does not conform to EN 303 645, MTSFB TC G044 and Xiaomi IoT baseline");
        Verdict failing = A.verdicts().stream().filter(v -> v.verdict() == VerdictValue.FAIL).findFirst().orElseThrow();
        // the DOM serialiser escapes only &, < and > in text
        assertThat(dom).contains(failing.reason().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    @Test
    void screenshotIsNotBlankAndShowsVerdictColours() throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-shot");
        Path png = dir.resolve("report.png");
        Files.deleteIfExists(png);
        List<String> cmd = new ArrayList<>(Tools.chromium(chromium, profile));
        cmd.add("--hide-scrollbars");
        cmd.add("--screenshot=" + png);
        cmd.add("--window-size=1280,2000");
        cmd.add(html.toUri().toString());
        Tools.Result r = Tools.run(dir, 120, cmd.toArray(String[]::new));
        Tools.deleteTree(profile);
        assertThat(r.exit()).as(r.stderr()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        int red = 0;
        int green = 0;
        int nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int rr = (rgb >> 16) & 0xff;
                int gg = (rgb >> 8) & 0xff;
                int bb = rgb & 0xff;
                if (rr < 240 || gg < 240 || bb < 240) {
                    nonWhite++;
                }
                if (Math.abs(rr - 0xc6) < 12 && Math.abs(gg - 0x28) < 12 && Math.abs(bb - 0x28) < 12) {
                    red++;
                }
                if (Math.abs(rr - 0x2e) < 12 && Math.abs(gg - 0x7d) < 12 && Math.abs(bb - 0x32) < 12) {
                    green++;
                }
            }
        }
        assertThat(nonWhite).as("something is drawn").isGreaterThan(10_000);
        assertThat(red).as("fail colour visible (donut, heat map)").isGreaterThan(200);
        assertThat(green).as("pass colour visible").isGreaterThan(50);
    }
}
