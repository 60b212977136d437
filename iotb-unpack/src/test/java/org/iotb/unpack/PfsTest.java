package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.iotb.unpack.manifest.ContainerRecord;
import org.iotb.unpack.manifest.ManifestEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PFS/0.9 web file systems built as Arcadyan's tools lay them out (binwalk's and unblob's descriptions: "PFS/0.9\0",
 * six reserved bytes, a little-endian u16 entry count, then per entry a NUL-padded DOS path of 128 — or 40 — bytes,
 * u32 inode, u32 data offset from the end of the table, u32 size; then the data), carved from inside other data.
 */
class PfsTest {
    @TempDir
    Path tmp;

    /** A PFS image holding {@code files} (DOS paths) with the given name width. */
    static byte[] pfs(Map<String, byte[]> files, int width) {
        int count = files.size();
        ByteBuffer table = ByteBuffer.allocate(16 + count * (width + 12)).order(ByteOrder.LITTLE_ENDIAN);
        table.put("PFS/0.9\0".getBytes(StandardCharsets.US_ASCII)).put(new byte[6]).putShort((short) count);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int inode = 1;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            byte[] name = new byte[width];
            byte[] n = f.getKey().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(n, 0, name, 0, n.length);
            table.put(name).putInt(inode++).putInt(data.size()).putInt(f.getValue().length);
            data.writeBytes(f.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(table.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    static Map<String, byte[]> webPages() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("index.htm", "<html><body>Linksys</body></html>\n".getBytes(StandardCharsets.US_ASCII));
        m.put("js\\util.js", "function f(){return 1;}\n".getBytes(StandardCharsets.US_ASCII));
        byte[] gif = new byte[3000];
        new Random(7).nextBytes(gif);
        m.put("images\\logo.gif", gif);
        m.put("empty.htm", new byte[0]);
        return m;
    }

    private UnpackResult unpackInside(byte[] pfs) throws Exception {
        byte[] pre = new byte[4096];
        new Random(3).nextBytes(pre);
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        img.writeBytes(pre);
        img.writeBytes(pfs);
        img.writeBytes(new byte[300]);
        Path f = tmp.resolve("kernel.bin");
        Files.write(f, img.toByteArray());
        return Fixtures.unpack(f, tmp.resolve("out"));
    }

    @Test
    void aPfsWith128ByteNamesIsCarvedAndEveryFileExtracted() throws Exception {
        Map<String, byte[]> files = webPages();
        byte[] pfs = pfs(files, 128);
        UnpackResult r = unpackInside(pfs);

        ContainerRecord c = r.containers().stream().filter(x -> x.format().equals("pfs")).findFirst().orElseThrow();
        assertThat(c.offset()).isEqualTo(4096);
        assertThat(c.length()).isEqualTo(pfs.length);
        assertThat(c.info()).containsEntry("entries", 4).containsEntry("nameWidth", 128);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String path = "4096-pfs/" + f.getKey().replace('\\', '/');
            ManifestEntry e = r.entries().stream().filter(x -> x.path().endsWith(path)).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(r.pathOf(e))).as(path).isEqualTo(f.getValue());
        }
    }

    @Test
    void olderBuildsWith40ByteNamesAreReadToo() throws Exception {
        UnpackResult r = unpackInside(pfs(webPages(), 40));
        assertThat(r.containers()).filteredOn(x -> x.format().equals("pfs")).singleElement()
                .satisfies(c -> assertThat(c.info()).containsEntry("nameWidth", 40));
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("4096-pfs/js/util.js"));
    }

    @Test
    void aNameThatClimbsOutIsRefusedAndTheRestExtracted() throws Exception {
        // the shape of CVE-2022-4510 (binwalk 2.1.2b–2.3.3 wrote a PFS entry to ../../../.config/binwalk/plugins)
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("..\\..\\..\\.config\\binwalk\\plugins\\binwalk.py", "import os\n".getBytes(StandardCharsets.US_ASCII));
        files.put("\\abs\\page.htm", "<p>x</p>\n".getBytes(StandardCharsets.US_ASCII));
        files.put("ok.htm", "<p>ok</p>\n".getBytes(StandardCharsets.US_ASCII));
        UnpackResult r = unpackInside(pfs(files, 128));

        assertThat(r.entries()).noneMatch(e -> e.path().contains("binwalk.py"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("binwalk.py"));
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("4096-pfs/abs/page.htm"));
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("4096-pfs/ok.htm"));
        assertThat(tmp.resolve(".config")).doesNotExist();
        try (var s = Files.walk(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().equals("binwalk.py"))).isEmpty();
        }
    }

    @Test
    void aTableWhoseDataLeavesTheFileIsNoPfs() throws Exception {
        byte[] pfs = pfs(webPages(), 128);
        // the first entry's size now runs past the end
        ByteBuffer.wrap(pfs).order(ByteOrder.LITTLE_ENDIAN).putInt(16 + 128 + 8, 0x7fff_0000);
        Path f = tmp.resolve("bad.bin");
        Files.write(f, pfs);
        assertThat(Fixtures.unpack(f, tmp.resolve("out")).containers()).extracting(ContainerRecord::format)
                .doesNotContain("pfs");
    }
}
