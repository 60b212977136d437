package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.VerdictValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The PDF as a reader gets it: pages rasterised by pdftoppm, text extracted by pdftotext (poppler-utils). */
@Tag("integration")
class PdfReportTest {
    private static final Assessment A = SampleAssessments.v1();
    private static Path dir;
    private static Path pdf;

    @BeforeAll
    static void render() throws Exception {
        dir = Files.createDirectories(Path.of("target", "report-render").toAbsolutePath());
        pdf = dir.resolve("report.pdf");
        Files.write(pdf, PdfReport.render(A));
    }

    @Test
    void isAPdf() throws Exception {
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void textHasProductTotalsAndLevel() throws Exception {
        String pdftotext = Tools.require("pdftotext", "poppler-utils");
        Tools.Result r = Tools.run(dir, 60, pdftotext, "-layout", pdf.toString(), "-");
        assertThat(r.exit()).as(r.stderr()).isZero();
        String text = r.stdout();
        assertThat(text).contains("SmartPlug P100").contains("Xiaomi security level: HIGH");
        for (StandardSummary s : A.summary()) {
            assertThat(text).containsPattern(s.count(VerdictValue.FAIL) + "\\s+fail");
            assertThat(text).containsPattern(s.count(VerdictValue.NOT_ASSESSED) + "\\s+not assessed");
        }
        assertThat(text).contains("Does not conform");
        // what the passes rest on: the split per standard, the bottom line, the badges and the conflict mark
        // (NFKC: the PDF's font sets "fi" and "fl" as ligatures)
        text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        for (StandardSummary s : A.summary()) {
            assertThat(text).containsPattern(BasisText.passSplit(s).replace("(", "\\(").replace(")", "\\)").replace(" ", "\\s+"));
        }
        assertThat(text).containsPattern("1\\s+of\\s+3\\s+passes\\s+were\\s+verified\\s+by\\s+evidence")
                .contains("declared only").contains("What a verdict rests on");
        assertThat(text.toLowerCase(java.util.Locale.ROOT)).containsPattern("conflicts?\\s+between\\s+automated\\s+evidence");
        // details are open in the PDF: evidence lines and remediation are printed
        assertThat(text).contains("etc/inittab:3").contains("Remediation");
    }

    @Test
    void pagesAreRenderedAndNotBlank() throws Exception {
        String pdftoppm = Tools.require("pdftoppm", "poppler-utils");
        Path out = Files.createDirectories(dir.resolve("pages"));
        try (var s = Files.list(out)) {
            s.forEach(p -> p.toFile().delete());
        }
        Tools.Result r = Tools.run(dir, 120, pdftoppm, "-png", "-r", "50", pdf.toString(), out.resolve("page").toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        File[] pages = out.toFile().listFiles((d, n) -> n.endsWith(".png"));
        assertThat(pages).hasSizeGreaterThan(3);
        Arrays.sort(pages);
        BufferedImage first = ImageIO.read(pages[0]);
        assertThat(ink(first)).as("first page has content").isGreaterThan(0.03);
        assertThat(colour(first, 0xc6, 0x28, 0x28)).as("the fail colour of the charts is drawn").isGreaterThan(30);
        for (File p : List.of(pages)) {
            assertThat(ink(ImageIO.read(p))).as(p.getName() + " is not blank").isGreaterThan(0.005);
        }
    }

    private static double ink(BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 235 || ((rgb >> 8) & 0xff) < 235 || (rgb & 0xff) < 235) {
                    dark++;
                }
            }
        }
        return (double) dark / (img.getWidth() * (long) img.getHeight());
    }

    private static int colour(BufferedImage img, int r, int g, int b) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - r) < 20 && Math.abs(((rgb >> 8) & 0xff) - g) < 20 && Math.abs((rgb & 0xff) - b) < 20) {
                    n++;
                }
            }
        }
        return n;
    }
}
