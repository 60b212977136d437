package org.iotb.unpack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names are written whatever the locale. A JVM started under LC_ALL=C cannot encode "café" as a file name;
 * the engine must still extract every entry (the unmappable ones percent-escaped, their stored names kept as
 * originalPath), and the ./iotb launcher must not start the JVM in a non-UTF-8 locale at all.
 */
@Tag("integration")
class LocaleTest {
    @TempDir
    Path tmp;

    private static Process start(List<String> cmd, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE")
                || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String finish(Process p) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("subprocess ended").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void engineUnderCLocaleExtractsEveryName() throws Exception {
        byte[] tar = new HandMadeArchives.Tar()
                .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n".getBytes(StandardCharsets.US_ASCII))
                .file("café.conf", "a=1\n".getBytes(StandardCharsets.UTF_8))
                .file("智能/config.json", "{}\n".getBytes(StandardCharsets.UTF_8))
                .file("100%.txt", "x\n".getBytes(StandardCharsets.UTF_8))
                .file("etc/shadow", HandMadeArchives.SHADOW)
                .end();
        Path image = tmp.resolve("names.tar");
        Files.write(image, tar);
        Path out = tmp.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnpackMain.class.getName(), image.toString(),
                out.toString()));
        String log = finish(start(cmd, tmp, Map.of("LC_ALL", "C")));
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        List<String> paths = new ArrayList<>();
        m.get("entries").forEach(e -> paths.add(e.get("path").asText().replaceFirst("^names.tar.extracted/0-tar/", "")));
        assertThat(paths).as(log).contains("etc/passwd", "etc/shadow", "100%.txt", "caf%C3%A9.conf",
                "%E6%99%BA%E8%83%BD/config.json");
        JsonNode cafe = null;
        for (JsonNode e : m.get("entries")) {
            if (e.get("path").asText().endsWith("caf%C3%A9.conf")) {
                cafe = e;
            }
        }
        assertThat(cafe.get("originalPath").asText()).isEqualTo("café.conf");
        assertThat(out.resolve("names.tar.extracted/0-tar/etc/shadow")).hasBinaryContent(HandMadeArchives.SHADOW);
    }

    @Test
    void launcherRunsTheJvmInAUtf8Locale() throws Exception {
        Path launcher = Path.of("..", "iotb").toAbsolutePath().normalize();
        assertThat(launcher).exists();
        // a copy of the real launcher beside a stand-in jar, and a stand-in "java" that reports what it was given
        Path home = Files.createDirectories(tmp.resolve("home/iotb-cli/target"));
        Files.writeString(home.resolve("iotb.jar"), "");
        Path copy = tmp.resolve("home/iotb");
        Files.copy(launcher, copy);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"LC_ALL=$LC_ALL\"\necho \"ARGS=$*\"\n");
        java.toFile().setExecutable(true);
        String path = bin + ":" + System.getenv("PATH");
        for (String locale : new String[] {"C", "POSIX", ""}) {
            String said = finish(start(List.of("sh", copy.toString(), "unpack", "x"), tmp,
                    Map.of("LC_ALL", locale, "PATH", path)));
            assertThat(said).as("LC_ALL=" + locale).contains("LC_ALL=C.UTF-8").contains("-Dfile.encoding=UTF-8");
        }
        String kept = finish(start(List.of("sh", copy.toString()), tmp, Map.of("LANG", "en_US.UTF-8", "PATH", path)));
        assertThat(kept).contains("LC_ALL=\n");
    }
}
