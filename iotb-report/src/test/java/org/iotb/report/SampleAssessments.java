package org.iotb.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.ImageFacts;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.SourceFindings;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.Support;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.OsFact;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;

/**
 * Assessments of a fictitious smart plug, made by the real Assessor over the bundled catalog: version 1.0 starts
 * telnetd with a default root password; version 1.1 removed telnet but shipped an unsigned update path.
 */
public final class SampleAssessments {
    public static final String PRODUCT = "SmartPlug P100";
    private static final String FP_KEY = "9f".repeat(32);

    private SampleAssessments() {
    }

    public static Assessment v1() {
        return build("1.0", true);
    }

    public static Assessment v2() {
        return build("1.1", false);
    }

    private static Profile profile(String version) {
        return new Profile(new Profile.Product(PRODUCT, "P100", "Acme", version),
                Map.of("passwords", true, "constrained", false, "software-updateable", true, "update-mechanism", true),
                Map.of("xiaomi", Map.of("personal-data", List.of("basic", "location"), "integrity-impact", "limited",
                        "availability-impact", "minor", "categories", List.of())),
                List.of("wifi", "ble"), null, List.of("mobile-app", "cloud"));
    }

    private static Assessment build(String version, boolean telnet) {
        Profile profile = profile(version);
        Declarations declarations = new Declarations(Map.of("etsi-en-303-645", Map.of(
                "5.2-1", new Declaration(Support.Y, "Vulnerability disclosure policy at acme.example/security", List.of("VDP.pdf")),
                "5.1-1", new Declaration(Support.Y, "Each unit gets a random password", List.of()),
                "5.3-13", new Declaration(Support.N, "No end-of-life policy yet", List.of()))));
        String image = "p100-" + version + ".bin";
        List<Finding> fw = new ArrayList<>();
        fw.add(Finding.of("fw.os.facts", Outcome.INFO, "embedded Linux (uClibc, BusyBox 1.31)", List.of(Evidence.file("bin/busybox")))
                .withData(Map.of("os", "linux", "libc", "uclibc", "has-passwords", true, "busybox", "1.31.1")));
        List<Map<String, Object>> services = new ArrayList<>(List.of(
                Map.of("name", "dropbear", "source", "etc/init.d/dropbear", "line", 12),
                Map.of("name", "uhttpd", "source", "etc/init.d/uhttpd", "line", 20)));
        if (telnet) {
            services.add(Map.of("name", "telnetd", "source", "etc/inittab", "line", 3));
            fw.add(Finding.fail("fw.svc.telnet", Severity.HIGH, "telnetd is started at boot",
                    List.of(Evidence.line("etc/inittab", 3, "::respawn:/usr/sbin/telnetd -F -l /bin/login"))));
            fw.add(Finding.fail("fw.cred.default-password", Severity.CRITICAL, "root has the well-known password 'admin'",
                    List.of(Evidence.line("etc/shadow", 1, "root:$1$…:0:0:99999:7:::").withFingerprint("ab".repeat(32)))));
        } else {
            fw.add(Finding.pass("fw.svc.telnet", "no telnet daemon in etc/inittab or etc/init.d (14 scripts)",
                    List.of(Evidence.file("etc/inittab"))));
            fw.add(Finding.pass("fw.cred.default-password", "no account in etc/shadow has a known default password",
                    List.of(Evidence.file("etc/shadow"))));
            fw.add(Finding.fail("fw.update.unsigned", Severity.HIGH, "the update script installs images without a signature check",
                    List.of(Evidence.line("usr/sbin/fwupdate.sh", 41, "mtd write /tmp/fw.bin firmware"))));
        }
        fw.add(Finding.of("fw.svc.inventory", Outcome.INFO, services.size() + " services started at boot", List.of())
                .withData(Map.of("services", services)));
        fw.add(Finding.fail("fw.key.private-key", Severity.HIGH, "an RSA private key is embedded in the image",
                List.of(Evidence.file("etc/uhttpd.key").withFingerprint(FP_KEY))));
        fw.add(Finding.pass("fw.elf.pie", "42 of 42 executables are position independent", List.of(Evidence.file("usr/bin"))));
        fw.add(Finding.notRun("fw.os.serial-shell", "no inittab console entry found"));

        List<Finding> dev = new ArrayList<>();
        List<Map<String, Object>> open = new ArrayList<>(List.of(
                Map.of("port", 22, "transport", "tcp", "service", "ssh", "banner", "SSH-2.0-dropbear_2019.78"),
                Map.of("port", 443, "transport", "tcp", "service", "https", "tls", true)));
        if (telnet) {
            open.add(Map.of("port", 23, "transport", "tcp", "service", "telnet", "banner", "P100 login:"));
            dev.add(Finding.fail("net.svc.telnet", Severity.HIGH, "telnet is open and offers a login",
                    List.of(Evidence.network("127.0.0.1", 2323, "telnet", null, "P100 login:"))));
        }
        dev.add(Finding.of("net.svc.inventory", Outcome.INFO, open.size() + " open ports", List.of()).withData(Map.of("services", open)));
        dev.add(Finding.of("net.tls.certificate", Outcome.INFO, "self-signed certificate CN=p100",
                List.of(Evidence.network("127.0.0.1", 8443, "tls", null, "CN=p100").withFingerprint(FP_KEY))));
        dev.add(Finding.pass("net.tls.legacy-protocol", "only TLS 1.2 and 1.3 offered",
                List.of(Evidence.network("127.0.0.1", 8443, "tls", "ClientHello TLS1.0", "alert protocol_version"))));

        // the typed facts the scanners would have observed beside the informational findings above
        List<ServiceFact> boot = services.stream().map(m -> ServiceFact.boot((String) m.get("name"), null,
                (String) m.get("source"), (Integer) m.get("line"), null)).toList();
        SystemFacts fwFacts = new SystemFacts(new OsFact("linux", "uclibc", true, null), boot,
                List.of(new AccountFact("root", "etc/shadow", 1, AccountFact.Password.HASH, "md5", "/bin/sh", 0)),
                List.of(), null, null);
        SystemFacts devFacts = SystemFacts.EMPTY.withServices(open.stream().map(m -> ServiceFact.listening(
                (String) m.get("service"), (Integer) m.get("port"), (String) m.get("transport"),
                Boolean.TRUE.equals(m.get("tls")), (String) m.getOrDefault("banner", ""))).toList());
        byte[] bytes = imageBytes(version);
        List<Double> entropy = entropy(bytes, 1024);
        String sha = telnet ? "1".repeat(64) : "2".repeat(64);
        AssessmentInput in = new AssessmentInput(Catalog.load(), profile, declarations,
                List.of(new SourceFindings(image, InputKind.FIRMWARE, fw, fwFacts),
                        new SourceFindings("127.0.0.1", InputKind.DEVICE, dev, devFacts)),
                List.of(InputRecord.file(InputKind.FIRMWARE, image, "/tmp/" + image, sha, bytes.length),
                        InputRecord.device("127.0.0.1"),
                        InputRecord.file(InputKind.PROFILE, "profile.yaml", "profile.yaml", "3".repeat(64), 420)),
                List.of(new ImageFacts(image, sha, (long) bytes.length, 1024, entropy,
                        boot, List.of("jffs2 overlay at 0x3c0000: 2 nodes with bad CRC skipped"))),
                timings(), List.of(),
                Instant.parse("2026-11-20T10:15:00Z"));
        return new Assessor().assess(in);
    }

    /**
     * The same product with no firmware and no device: only the profile and a declarations file answering Y, so
     * every pass rests on the manufacturer's word (issue #12: such an assessment must say nothing was verified).
     */
    public static Assessment declarationsOnly() {
        Profile profile = profile("1.0");
        Map<String, Declaration> yes = new java.util.LinkedHashMap<>();
        for (String id : List.of("5.1-1", "5.1-2", "5.2-1", "5.3-13", "5.5-1", "5.6-2")) {
            yes.put(id, new Declaration(Support.Y, "Done, see the design document", List.of()));
        }
        AssessmentInput in = new AssessmentInput(Catalog.load(), profile, new Declarations(Map.of("etsi-en-303-645", yes)),
                List.of(), List.of(InputRecord.file(InputKind.PROFILE, "profile.yaml", "profile.yaml", "3".repeat(64), 420)),
                List.of(), Map.of(), List.of(), Instant.parse("2026-11-20T10:15:00Z"));
        return new Assessor().assess(in);
    }

    /**
     * A declarations file answering Y to every requirement of every standard, nothing else: every applicable
     * requirement passes, all of them on the manufacturer's word.
     */
    public static Assessment everythingDeclared() {
        Catalog catalog = Catalog.load();
        Map<String, Map<String, Declaration>> all = new java.util.LinkedHashMap<>();
        catalog.standards().forEach(s -> s.requirements().forEach(r -> all.computeIfAbsent(s.id(), k -> new java.util.LinkedHashMap<>())
                .put(r.id(), new Declaration(Support.Y, "Done", List.of()))));
        Map<String, Boolean> device = new java.util.LinkedHashMap<>();
        for (String yes : List.of("passwords", "software-updateable", "update-mechanism", "preinstalled-passwords",
                "user-authentication", "automatic-updates", "network-updates", "consent-based-processing")) {
            device.put(yes, true);
        }
        for (String no : List.of("constrained", "hardcoded-identity", "debug-interface-accessible", "telemetry")) {
            device.put(no, false);
        }
        Profile complete = new Profile(new Profile.Product(PRODUCT, "P100", "Acme", "1.0"), device,
                Map.of("xiaomi", Map.of("personal-data", List.of("basic", "location"), "integrity-impact", "limited",
                        "availability-impact", "minor", "categories", List.of())),
                List.of("wifi", "ble"), "embedded-linux", List.of("mobile-app", "cloud"));
        AssessmentInput in = new AssessmentInput(catalog, complete, new Declarations(all), List.of(),
                List.of(InputRecord.file(InputKind.PROFILE, "profile.yaml", "profile.yaml", "3".repeat(64), 420)),
                List.of(), Map.of(), List.of(), Instant.parse("2026-11-20T10:15:00Z"));
        return new Assessor().assess(in);
    }

    /** v1 with a finding whose message is markup, as a hostile image could make it. */
    public static Assessment withHostileMessage() {
        Assessment a = v1();
        List<org.iotb.assess.AssessedFinding> fs = new ArrayList<>(a.findings());
        fs.add(new org.iotb.assess.AssessedFinding("p100-1.0.bin", "fw.svc.telnet", Outcome.FAIL, Severity.HIGH,
                "<b onmouseover=alert(1)>x</b> \u0001", List.of(Evidence.file("etc/<script>")), null));
        return new Assessment(a.schemaVersion(), a.tool(), a.createdAt(), a.product(), a.inputs(), a.profile(),
                a.levels(), fs, a.verdicts(), a.summary(), a.conformance(), a.images(), a.timings(), a.warnings());
    }

    private static Map<String, Long> timings() {
        Map<String, Long> t = new java.util.LinkedHashMap<>();
        t.put("unpack", 840L);
        t.put("checks", 2310L);
        t.put("sbom", 120L);
        t.put("probe", 5120L);
        return t;
    }

    /** A header, text, zero padding, then pseudo-random (compressed-looking) data: a recognisable entropy shape. */
    static byte[] imageBytes(String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("uImage header firmware " + version + "\n").repeat(60).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[16 * 1024]);
        byte[] random = new byte[96 * 1024];
        new Random(version.hashCode()).nextBytes(random);
        out.writeBytes(random);
        out.writeBytes(new byte[8 * 1024]);
        return out.toByteArray();
    }

    /** Shannon entropy per block in bits per byte, as the unpacker reports it. */
    static List<Double> entropy(byte[] data, int block) {
        List<Double> out = new ArrayList<>();
        for (int off = 0; off < data.length; off += block) {
            int len = Math.min(block, data.length - off);
            int[] counts = new int[256];
            for (int i = 0; i < len; i++) {
                counts[data[off + i] & 0xff]++;
            }
            double h = 0;
            for (int c : counts) {
                if (c > 0) {
                    double p = (double) c / len;
                    h -= p * Math.log(p) / Math.log(2);
                }
            }
            out.add(h);
        }
        return out;
    }
}
