package org.iotb.unpack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #20: names that are not UTF-8 keep their bytes. A tar (ustar names and a PAX path), a cpio and a zip
 * whose names are Latin-1, Shift-JIS or no encoding at all are unpacked by a JVM in the C locale: every entry
 * comes out under its own name (each byte that is not UTF-8 as %XX, so "a\xE9" and "a\xE8" stay two files
 * instead of both becoming "a\uFFFD"), and the manifest records the stored bytes in hex.
 */
@Tag("integration")
class RawNameBytesTest {
    @TempDir
    Path tmp;

    static final byte[] LATIN1 = bytes("caf", 0xE9, ".conf");
    static final byte[] SHIFT_JIS = bytes("", 0x83, "e", 0x83, "X", 0x83, "g.txt"); // テスト.txt
    static final byte[] JUNK = bytes("", 0xFF, 0xFE, "-junk");
    static final byte[] A_E9 = bytes("a", 0xE9);
    static final byte[] A_E8 = bytes("a", 0xE8);
    static final byte[] PAX = bytes("pax-", 0xE9, "-100%.txt");

    /** "caf" 0xE9 ".conf" style: strings and single bytes in order. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                o.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            } else {
                o.write((Integer) p);
            }
        }
        return o.toByteArray();
    }

    private Map<String, JsonNode> unpackUnderCLocale(String file, byte[] image) throws Exception {
        Path in = tmp.resolve(file);
        Files.write(in, image);
        Path out = tmp.resolve("out-" + file);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnpackMain.class.getName(), in.toString(), out.toString())
                .directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        Map<String, JsonNode> byHex = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (JsonNode e : m.get("entries")) {
            paths.add(e.get("path").asText());
            if (e.has("originalPathHex")) {
                byHex.put(e.get("originalPathHex").asText(), e);
            }
            if (e.get("path").asText().endsWith("etc/shadow")) {
                assertThat(out.resolve(e.get("path").asText())).hasBinaryContent(HandMadeArchives.SHADOW);
                byHex.put("shadow", e);
            }
            if ("file".equals(e.get("type").asText())) {
                assertThat(out.resolve(e.get("path").asText())).as("on disk: " + e.get("path")).isRegularFile();
            }
        }
        assertThat(byHex).as(paths + "\n" + log).containsKey("shadow");
        byHex.put("paths", new ObjectMapper().valueToTree(paths));
        byHex.put("warnings", m.get("warnings"));
        return byHex;
    }

    private static void stored(Map<String, JsonNode> byHex, byte[] name, String onDisk) {
        String hex = HexFormat.of().formatHex(name);
        assertThat(byHex).as(hex + " in " + byHex.get("paths") + byHex.get("warnings")).containsKey(hex);
        JsonNode e = byHex.get(hex);
        assertThat(e.get("path").asText()).endsWith("/" + onDisk);
        assertThat(e.get("originalPath").asText()).contains("\uFFFD");
    }

    @Test
    void tarNamesKeepTheirBytesInUstarAndPaxHeaders() throws Exception {
        HandMadeArchives.Tar t = new HandMadeArchives.Tar();
        for (byte[] n : List.of(LATIN1, SHIFT_JIS, JUNK, A_E9, A_E8)) {
            t.block(HandMadeArchives.Tar.header(n, '0', 2, false), "x\n".getBytes(StandardCharsets.US_ASCII));
        }
        // a PAX "path" record whose value is not UTF-8 (commons-compress decodes it to U+FFFD)
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        byte[] body = bytes(" path=");
        int len = 0;
        for (int digits = 1; digits < 4; digits++) {
            len = digits + body.length + PAX.length + 1;
            if (Integer.toString(len).length() == digits) {
                break;
            }
        }
        rec.writeBytes(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
        rec.writeBytes(body);
        rec.writeBytes(PAX);
        rec.write('\n');
        t.block(HandMadeArchives.Tar.header("PaxHeaders/x".getBytes(StandardCharsets.US_ASCII), 'x', rec.size(), false),
                rec.toByteArray());
        t.block(HandMadeArchives.Tar.header("pax-placeholder".getBytes(StandardCharsets.US_ASCII), '0', 2, false),
                "x\n".getBytes(StandardCharsets.US_ASCII));
        t.file("etc/shadow", HandMadeArchives.SHADOW);
        Map<String, JsonNode> byHex = unpackUnderCLocale("names.tar", t.end());
        stored(byHex, LATIN1, "caf%E9.conf");
        stored(byHex, SHIFT_JIS, "%83e%83X%83g.txt");
        stored(byHex, JUNK, "%FF%FE-junk");
        stored(byHex, A_E9, "a%E9");
        stored(byHex, A_E8, "a%E8");
        stored(byHex, PAX, "pax-%E9-100%25.txt");
    }

    @Test
    void cpioAndZipNamesKeepTheirBytes() throws Exception {
        HandMadeArchives.Cpio c = new HandMadeArchives.Cpio();
        for (byte[] n : List.of(LATIN1, SHIFT_JIS, JUNK)) {
            c.entry(n, 0100644, "x\n".getBytes(StandardCharsets.US_ASCII));
        }
        c.entry("etc", 040755, new byte[0]).entry("etc/shadow", 0100600, HandMadeArchives.SHADOW);
        Map<String, JsonNode> cpio = unpackUnderCLocale("names.cpio", c.end());
        stored(cpio, LATIN1, "caf%E9.conf");
        stored(cpio, SHIFT_JIS, "%83e%83X%83g.txt");
        stored(cpio, JUNK, "%FF%FE-junk");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip)) {
            z.setEncoding("ISO-8859-1"); // the name's chars are its bytes, no UTF-8 flag, no Unicode extra field
            z.setUseLanguageEncodingFlag(false);
            z.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (byte[] n : List.of(LATIN1, SHIFT_JIS, JUNK)) {
                z.putArchiveEntry(new ZipArchiveEntry(new String(n, StandardCharsets.ISO_8859_1)));
                z.write("x\n".getBytes(StandardCharsets.US_ASCII));
                z.closeArchiveEntry();
            }
            z.putArchiveEntry(new ZipArchiveEntry("etc/shadow"));
            z.write(HandMadeArchives.SHADOW);
            z.closeArchiveEntry();
        }
        Map<String, JsonNode> zipped = unpackUnderCLocale("names.zip", zip.toByteArray());
        stored(zipped, LATIN1, "caf%E9.conf");
        stored(zipped, SHIFT_JIS, "%83e%83X%83g.txt");
        stored(zipped, JUNK, "%FF%FE-junk");
    }
}
