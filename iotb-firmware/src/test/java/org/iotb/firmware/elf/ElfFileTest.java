package org.iotb.firmware.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.iotb.firmware.support.TestInputs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ElfFileTest {

    @Test
    @Tag("integration")
    void readsDynamicSymbolsOfARouterBinaryWithoutSectionHeaders() throws Exception {
        Path ubusd = TestInputs.samples().resolve("elf/openwrt_ubusd_mips32be_uclibc");
        ElfFile elf = ElfFile.parse(Files.readAllBytes(ubusd));
        assertThat(elf.hasSectionHeaders()).isFalse();
        assertThat(elf.bigEndian()).isTrue();
        assertThat(elf.machineName()).isEqualTo("MIPS");
        // readelf -s shows nothing here; the dynamic segment still names the imports
        assertThat(elf.dynamicSymbolsFromSection()).isFalse();
        assertThat(elf.dynamicSymbols()).extracting(ElfFile.Symbol::name).contains("strcpy", "memcpy", "uloop_run");
        assertThat(elf.dynStrings(ElfFile.DT_NEEDED)).containsExactly("libubox.so", "libgcc_s.so.1", "libc.so.0");
        ChecksecView cs = ChecksecView.of(elf);
        assertThat(cs.canary()).isEqualTo("no");
        assertThat(cs.fortifySource()).isEqualTo("no");
        ElfHardening h = ElfHardening.of(elf, null);
        assertThat(h.canary()).as("decided from DT_SYMTAB, not assumed").isNotNull();
        assertThat(h.kind()).isEqualTo(ElfHardening.Kind.EXECUTABLE);
        assertThat(h.pie()).isFalse();
    }

    @Test
    void garbageIsRejectedCleanly() {
        assertThatThrownBy(() -> ElfFile.parse(new byte[]{1, 2, 3})).isInstanceOf(ElfFormatException.class);
        assertThatThrownBy(() -> ElfFile.parse("\u007fELF\u0009\u0001".getBytes())).isInstanceOf(ElfFormatException.class);
    }

    @Test
    @Tag("integration")
    void mutatedRealBinariesNeverCrashTheReader() throws Exception {
        Path dir = TestInputs.samples().resolve("elf");
        Random rnd = new Random(42); // fixed seed: reproducible
        int parsed = 0;
        for (String name : new String[]{"openwrt_ubusd_mips32be_uclibc", "pyelftools/aarch64_super_stripped.elf",
                "pyelftools/simple_mipsel.elf", "hardening-checks/Hallo_rpath", "firmae_libnvram.so.armel"}) {
            byte[] orig = Files.readAllBytes(dir.resolve(name));
            for (int i = 0; i < 400; i++) {
                byte[] b = orig.clone();
                int header = Math.min(b.length, 512);
                for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                    int pos = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length) : rnd.nextInt(header);
                    b[pos] = (byte) rnd.nextInt(256);
                }
                if (rnd.nextInt(5) == 0) {
                    b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
                }
                try {
                    ElfFile e = ElfFile.parse(b);
                    ChecksecView.of(e);
                    ElfHardening.of(e, null);
                    parsed++;
                } catch (ElfFormatException expected) {
                    // rejected as malformed: fine
                }
            }
        }
        assertThat(parsed).isGreaterThan(500);
    }
}
