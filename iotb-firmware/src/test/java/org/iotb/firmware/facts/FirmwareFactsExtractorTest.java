package org.iotb.firmware.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.support.TestInputs;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.InterfaceFact;
import org.iotb.model.facts.OsFact;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** The typed facts a firmware scan carries beside its findings, on real and multi-root trees. */
@Tag("integration")
class FirmwareFactsExtractorTest {

    @Test
    void iotGoatOverlayShowsItsTelnetAccountsAndOsWithoutSecrets() throws Exception {
        FirmwareScanner.Report r = new FirmwareScanner().scanReport(
                TestInputs.samples().resolve("rootfs-fragments/iotgoat_overlay"), FirmwareScanOptions.defaults().withThreads(2));
        SystemFacts facts = r.facts();

        assertThat(facts.os().os()).isEqualTo("embedded-linux"); // etc/passwd is there
        assertThat(facts.os().libc()).isEqualTo(OsFact.UNKNOWN); // no ELF file in the overlay
        assertThat(facts.os().busybox()).isFalse();

        assertThat(facts.services(ServiceFact.Kind.BOOT)).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("telnetd");
            assertThat(s.source() + ":" + s.line()).isEqualTo("etc/rc.local:5");
            assertThat(s.command()).contains("telnetd -p 65534");
        });
        // the same services, in the same order, as the informational finding users' scripts read
        assertThat(facts.services(ServiceFact.Kind.BOOT)).extracting(ServiceFact::name)
                .isEqualTo(inventoryNames(find(r, "fw.svc.inventory")));

        assertThat(facts.accounts()).anySatisfy(a -> {
            assertThat(a.file()).isEqualTo("etc/shadow");
            assertThat(a.user()).isEqualTo("iotgoatuser");
            assertThat(a.password()).isEqualTo(AccountFact.Password.HASH);
            assertThat(a.hashKind()).isEqualTo("md5");
            assertThat(a.uid()).isEqualTo(1000);
            assertThat(a.shell()).isEqualTo("/bin/ash");
        });
        assertThat(facts.accounts()).noneMatch(a -> a.user().equals("iotgoatuser") && a.file().equals("etc/passwd"));
        assertThat(facts.accounts()).anySatisfy(a -> {
            assertThat(a.user()).isEqualTo("daemon");
            assertThat(a.password()).isEqualTo(AccountFact.Password.LOCKED);
            assertThat(a.hashKind()).isNull();
            assertThat(a.uid()).isEqualTo(1);
        });
        // fw.os.facts says the image has passwords; the accounts say the same
        assertThat(find(r, "fw.os.facts").data()).containsEntry("has-passwords", true);
        assertThat(facts.accounts()).anyMatch(AccountFact::hasPassword);

        String json = Json.mapper().writeValueAsString(facts);
        assertThat(json).doesNotContain("$1$"); // facts never carry a hash
        assertThat(Json.mapper().readValue(json, SystemFacts.class)).isEqualTo(facts);
    }

    @Test
    void factsOfEveryRootFileSystemArePrefixedAndMerged(@TempDir Path dir) throws Exception {
        Path ext = dir.resolve("fw.bin.extracted");
        Path rootfs = ext.resolve("65536-squashfs");
        write(rootfs.resolve("etc/inittab"), "::sysinit:/etc/init.d/rcS\n");
        write(rootfs.resolve("etc/init.d/rcS"), "#!/bin/sh\ntelnetd -l /bin/login\n");
        write(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        write(rootfs.resolve("etc/shadow"), "root::19000:0:99999:7:::\n");
        write(rootfs.resolve("sbin/sysupgrade"), "#!/bin/sh\n");
        Path data = ext.resolve("4194304-jffs2");
        write(data.resolve("usr/sbin/bluetoothd"), "not really an ELF file");
        Files.createDirectories(data.resolve("etc"));

        FirmwareScanner.Report r = new FirmwareScanner().scanReport(ext, FirmwareScanOptions.defaults());
        SystemFacts facts = r.facts();

        assertThat(facts.services()).extracting(ServiceFact::name).containsExactly("rcS", "telnetd");
        assertThat(facts.services().get(1)).satisfies(s -> {
            assertThat(s.source()).isEqualTo("65536-squashfs/etc/init.d/rcS");
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.via()).isEqualTo("init.d");
        });
        // the informational finding gets the same prefix (RootMerge), so the two stay alike
        assertThat(facts.services()).extracting(ServiceFact::name).isEqualTo(inventoryNames(find(r, "fw.svc.inventory")));
        assertThat(facts.accounts()).singleElement().satisfies(a -> {
            assertThat(a.file()).isEqualTo("65536-squashfs/etc/shadow");
            assertThat(a.password()).isEqualTo(AccountFact.Password.EMPTY);
            assertThat(a.uid()).isZero();
        });
        assertThat(facts.interfaces()).containsExactly(new InterfaceFact("ble", "4194304-jffs2/usr/sbin/bluetoothd"));
        assertThat(facts.updatePaths()).anySatisfy(u -> {
            assertThat(u.mechanism()).isEqualTo("sysupgrade");
            assertThat(u.paths()).containsExactly("65536-squashfs/sbin/sysupgrade");
        });
        assertThat(facts.os().os()).isEqualTo("embedded-linux"); // the first root that shows an OS
        assertThat(facts.components()).isNull(); // components are the SBOM's to observe
    }

    @SuppressWarnings("unchecked")
    private static List<String> inventoryNames(Finding inventory) {
        return ((List<Map<String, Object>>) inventory.data().get("services")).stream()
                .map(m -> (String) m.get("name")).toList();
    }

    private static Finding find(FirmwareScanner.Report r, String check) {
        return r.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    private static void write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
