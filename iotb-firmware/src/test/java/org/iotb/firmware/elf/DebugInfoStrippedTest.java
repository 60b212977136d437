package org.iotb.firmware.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.support.TestInputs;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fw.elf.stripped on real binaries: full DWARF debug info fails, a bare .symtab only warns, a stripped binary
 * passes. Inputs: pyelftools' unstripped test binaries and hardening samples in ../shared/samples/elf, and a
 * program built here with gcc -g (skipped without gcc).
 */
@Tag("integration")
class DebugInfoStrippedTest {
    @TempDir
    Path root;

    private Finding stripped() throws Exception {
        return new FirmwareScanner().scan(root, FirmwareScanOptions.defaults().withChecks(Set.of("fw.elf.stripped")))
                .get(0);
    }

    private void copy(Path from, String to) throws Exception {
        Path p = root.resolve(to);
        Files.createDirectories(p.getParent());
        Files.copy(from, p);
    }

    @Test
    void sharedSamplesWithDwarfFailAndABareSymtabWarns() throws Exception {
        Path elf = TestInputs.samples().resolve("elf");
        copy(elf.resolve("hardening-checks/Hallo_no_pie"), "usr/bin/hallo");      // .symtab, no .debug_*
        copy(elf.resolve("hardening-checks/Hallo_stripped"), "usr/bin/hallo-s");  // neither
        Finding f = stripped();
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.WARNING);
        assertThat(f.evidence()).extracting(Evidence::path).containsExactly("usr/bin/hallo");
        assertThat(f.evidence().get(0).excerpt()).endsWith(": not stripped (.symtab present)");

        // a MIPS executable and an AArch64 BE library built with -g (.debug_info, .debug_line, .debug_str, ...)
        copy(elf.resolve("pyelftools/simple_mipsel.elf"), "usr/bin/simple");
        copy(elf.resolve("pyelftools/aarch64_be_gnu_hash.so.elf"), "usr/lib/libgnuhash.so");
        f = stripped();
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.message()).startsWith("3 of 4 ELF file(s) are not stripped");
        // failing binaries first (executables before libraries), then the one that only warns
        assertThat(f.evidence()).extracting(Evidence::path)
                .containsExactly("usr/bin/simple", "usr/lib/libgnuhash.so", "usr/bin/hallo");
        assertThat(f.evidence().get(0).excerpt()).contains("full debug info (.debug_")
                .contains(".debug_info").contains(".debug_line").doesNotContain(".debug_frame").endsWith(", .symtab)");
    }

    @Test
    void aProgramBuiltWithGccDashGFailsAndItsStrippedCopyPasses() throws Exception {
        TestInputs.requireTools("gcc", "strip");
        Path src = root.resolve("../hello.c");
        Files.writeString(src, "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n");
        Path bin = root.resolve("usr/bin/hello");
        Files.createDirectories(bin.getParent());
        run(List.of("gcc", "-g", "-O2", "-o", bin.toString(), src.toString()));
        Finding f = stripped();
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.excerpt()).contains(".debug_info"));
        ElfHardening h = ElfHardening.of(ElfFile.parse(Files.readAllBytes(bin)), null);
        assertThat(h.debugInfo()).isTrue();

        run(List.of("strip", "--strip-debug", bin.toString())); // debug info gone, .symtab kept: a warning
        f = stripped();
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.WARNING);
        run(List.of("strip", bin.toString()));
        assertThat(stripped().outcome()).isEqualTo(Outcome.PASS);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(cmd + ": " + out).isZero();
    }
}
