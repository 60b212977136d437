package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.iotb.model.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bundled example's report as people see it (issue #14): rendered by `iotb assess`, then looked at in a real
 * headless Chromium at 1400 and 400 px (screenshots; nothing wider than a phone's screen), checked for accessibility
 * by axe-core inside that Chromium, and the PDF turned into page images by pdftoppm. The pictures are left in
 * target/example-report for a human look. Each tool missing skips its test with the Debian package (or npm) to
 * install.
 */
@Tag("integration")
class ExampleReportRenderTest {
    /** axe-core from the npm registry, pinned: version and the sha256 of the registry's tarball. */
    static final String AXE_VERSION = "4.10.3";
    static final String AXE_TARBALL_SHA256 = "0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292";

    static Path dir;
    static Path report;
    static Cli assess;

    @BeforeAll
    static void renderTheExample() throws Exception {
        dir = Files.createDirectories(Path.of("target", "example-report").toAbsolutePath());
        Path out = dir.resolve("weak");
        assess = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"), "--declarations", Cli.example("declarations.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--firmware", Cli.example("firmware/sl100-1.4.2-unit2.bin"),
                "--lab", Cli.example("lab.yaml"), // as a lab delivers it: its record, observations and attachments
                "--format", "json,html,pdf", "-o", out.toString());
        report = out.resolve("report.html");
    }

    @Test
    void reportOfAFailedAssessmentRendersWithExitZeroAndGatesOnlyWhenAsked() {
        assertThat(assess.exit).as("assess still gates: the example fails").isEqualTo(1);
        assertThat(report).content().contains("Test lab record").contains("OBS-1");
        Path json = dir.resolve("weak/assessment.json");
        Cli r = Cli.run("report", json.toString(), "--format", "html", "-o", dir.resolve("rerendered").toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(dir.resolve("rerendered/report.html")).exists();
        assertThat(Cli.run("report", json.toString(), "--format", "html", "--fail-on", "mandatory", "-o",
                dir.resolve("rerendered").toString()).exit).isEqualTo(1);
    }

    @Test
    void screenshotsAt1400And400PixelsAndNothingWiderThanThePhone() throws Exception {
        String chromium = require("chromium", "chromium");
        for (int width : new int[] {1400, 400}) {
            Path png = dir.resolve("report-" + width + ".png");
            Files.deleteIfExists(png);
            Result r = chromium(chromium, "--hide-scrollbars", "--screenshot=" + png, "--window-size=" + width + ",2400",
                    report.toUri().toString());
            assertThat(r.exit).as(r.err).isZero();
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(width);
            assertThat(nonWhite(img)).as("something is drawn at " + width).isGreaterThan(width * 20);
            // what the page measures itself, laid out in a frame exactly this wide (headless Chromium's own window
            // is never narrower than 500 px): its scroll width is the frame's when nothing overflows sideways
            Path probe = dir.resolve("probe-" + width + ".html");
            Files.writeString(probe, "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" title=\"report\" src=\""
                    + report.toUri() + "\" style=\"width:" + width + "px;height:2400px;border:0\"></iframe><script>"
                    + "document.getElementById('f').addEventListener('load', function () {"
                    + "var d = document.getElementById('f').contentDocument.documentElement;"
                    + "document.body.setAttribute('data-scroll-width', d.scrollWidth);"
                    + "document.body.setAttribute('data-client-width', d.clientWidth); });</script></body></html>");
            Result dom = chromium(chromium, "--hide-scrollbars", "--allow-file-access-from-files", "--window-size=1600,2400",
                    "--virtual-time-budget=10000", "--dump-dom", probe.toUri().toString());
            assertThat(dom.exit).as(dom.err).isZero();
            int scroll = attribute(dom.out, "data-scroll-width");
            int client = attribute(dom.out, "data-client-width");
            assertThat(client).isEqualTo(width);
            // (the report before issue #14 measured 747 px at 400: the summary cards and tables overflowed)
            assertThat(scroll).as("horizontal overflow at " + width + " px").isLessThanOrEqualTo(width);
        }
        // the filters' script ran: the form shows and counts the requirements; choosing "fail" leaves the failed ones
        Path filtered = dir.resolve("filtered.html");
        Files.writeString(filtered, Files.readString(report).replace("</body>", "<script>document.addEventListener('DOMContentLoaded',"
                + " function () { var s = document.querySelector('#filters select[name=verdict]'); s.value = 'fail';"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));"
                + " document.body.setAttribute('data-visible-fails', document.querySelectorAll('tr.req[data-verdict=fail]:not([hidden])').length);"
                + " document.body.setAttribute('data-visible-rows', document.querySelectorAll('tr.req:not([hidden])').length); });</script></body>"));
        Result dom = chromium(chromium, "--hide-scrollbars", "--window-size=1400,2400", "--dump-dom", filtered.toUri().toString());
        assertThat(dom.exit).as(dom.err).isZero();
        assertThat(dom.out).contains("<form class=\"filters\" id=\"filters\" role=\"search\"").containsPattern(
                "<output id=\"f-count\"[^>]*>[1-9]\\d* of [1-9]\\d* requirements shown</output>");
        int fails = attribute(dom.out, "data-visible-fails");
        assertThat(fails).isGreaterThan(0).isEqualTo(attribute(dom.out, "data-visible-rows"));
        assertThat(dom.out).contains(">" + fails + " of ");
    }

    @Test
    void axeCoreFindsNoSeriousOrCriticalViolation() throws Exception {
        String chromium = require("chromium", "chromium");
        String axe = axeCore();
        Path page = dir.resolve("axe.html");
        String runner = "<script>" + axe + "</script><script>axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "var p = document.createElement('pre'); p.id = 'axe-result';"
                + "p.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                + " nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' :: ' + (n.failureSummary || ''); })}; }));"
                + "document.body.appendChild(p); }).catch(function (e) { var p = document.createElement('pre'); p.id = 'axe-result';"
                + "p.textContent = JSON.stringify([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]); document.body.appendChild(p); });"
                + "</script></body>";
        Files.writeString(page, Files.readString(report).replace("</body>", runner));
        Result dom = chromium(chromium, "--window-size=1400,2400", "--virtual-time-budget=20000", "--dump-dom", page.toUri().toString());
        assertThat(dom.exit).as(dom.err).isZero();
        Matcher m = Pattern.compile("<pre id=\"axe-result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom.out);
        assertThat(m.find()).as("axe-core reported").isTrue();
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        Files.writeString(dir.resolve("axe-violations.json"), json);
        List<String> serious = new ArrayList<>();
        for (JsonNode v : Json.mapper().readTree(json)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(v.toString());
            }
        }
        assertThat(serious).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void pdfPagesRenderWithPdftoppmAndTheLengthIsReasonable() throws Exception {
        String pdftoppm = require("pdftoppm", "poppler-utils");
        Path pdf = dir.resolve("weak/report.pdf");
        Path pages = Files.createDirectories(dir.resolve("pdf-pages"));
        try (var old = Files.list(pages)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Result r = run(dir, 300, pdftoppm, "-r", "40", "-png", pdf.toString(), pages.resolve("page").toString());
        assertThat(r.exit).as(r.err).isZero();
        List<Path> pngs;
        try (var list = Files.list(pages)) {
            pngs = list.sorted().toList();
        }
        // 78 pages before the annex held the evidence once per root cause instead of once per requirement
        assertThat(pngs.size()).isBetween(8, 45);
        for (Path p : List.of(pngs.get(0), pngs.get(pngs.size() - 1))) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertThat(img.getHeight()).isGreaterThan(img.getWidth()); // A4 portrait
            assertThat(nonWhite(img)).as(p.getFileName() + " is not blank").isGreaterThan(2_000);
        }
    }

    @Test
    void diffOfTwoReleasesAsHtml() throws Exception {
        Path newer = dir.resolve("fixed");
        Cli fixed = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"), "--declarations", Cli.example("declarations.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.5.0.bin"), "--format", "json", "-o", newer.toString());
        assertThat(fixed.exit).as(fixed.err).isIn(0, 1);
        Path page = dir.resolve("diff.html");
        Cli d = Cli.run("diff", dir.resolve("weak/assessment.json").toString(), newer.resolve("assessment.json").toString(),
                "--format", "html", "-o", page.toString());
        assertThat(d.exit).as(d.err).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("<h3>Fixed (").contains("Still failing (").contains("sl100-1.4.2-unit1.bin").contains("sl100-1.5.0.bin");
    }

    // ---- tools

    /** axe.min.js of the pinned axe-core, fetched once with npm into target/ and checked against its sha256. */
    static String axeCore() throws Exception {
        String npm = require("npm", "npm");
        Path cache = Files.createDirectories(Path.of("target", "axe-core").toAbsolutePath());
        Path tgz = cache.resolve("axe-core-" + AXE_VERSION + ".tgz");
        if (!Files.exists(tgz)) {
            Result r = run(cache, 180, npm, "pack", "axe-core@" + AXE_VERSION, "--silent");
            assumeTrue(r.exit == 0 && Files.exists(tgz), "npm could not fetch axe-core " + AXE_VERSION + ": " + r.err);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tgz)));
        assertThat(sha).as("axe-core tarball sha256").isEqualTo(AXE_TARBALL_SHA256);
        Result x = run(cache, 60, "tar", "xzf", tgz.toString(), "package/axe.min.js");
        assertThat(x.exit).as(x.err).isZero();
        return Files.readString(cache.resolve("package/axe.min.js"), StandardCharsets.UTF_8);
    }

    private static int attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as(name).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int nonWhite(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 235 || ((rgb >> 8) & 0xff) < 235 || (rgb & 0xff) < 235) {
                    n++;
                }
            }
        }
        return n;
    }

    record Result(int exit, String out, String err) {
    }

    static String require(String tool, String debianPackage) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(d, tool);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        assumeTrue(false, tool + " not found: install " + debianPackage + " to run this test");
        return null;
    }

    /** Headless Chromium with everything that could reach the network switched off, in a fresh profile. */
    static Result chromium(String binary, String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        try {
            return run(dir, 180, cmd.toArray(String[]::new));
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Result run(Path cwd, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish in " + timeoutSeconds + " s");
        }
        try {
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
