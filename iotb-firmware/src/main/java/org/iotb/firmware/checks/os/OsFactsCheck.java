package org.iotb.firmware.checks.os;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.checks.cred.Account;
import org.iotb.firmware.checks.cred.AccountFiles;
import org.iotb.firmware.elf.ElfInfo;
import org.iotb.firmware.elf.LibcInfo;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;

/**
 * fw.os.facts (info): profile facts for the assessment — os, libc flavour, whether accounts have passwords,
 * and whether BLE/ZigBee stacks and busybox are present — with the files that prove each.
 */
public final class OsFactsCheck implements FirmwareCheck {
    /** Files of a Bluetooth (LE) stack: BlueZ, BTstack, NimBLE, vendor bt_host. */
    public static final String BLE_STACK = "(^|/)(bluetoothd|libbluetooth\\.so[^/]*|btstack[^/]*|libbtstack[^/]*|"
            + "libnimble[^/]*|nimble[^/]*|bluetooth|hciattach|btattach|bt_host[^/]*)$";
    /** Files of a Zigbee stack: EZSP/EmberZNet, ZBOSS, Z-Stack, zigbee2mqtt, deCONZ. */
    public static final String ZIGBEE_STACK = "(^|/)([^/]*zigbee[^/]*|libezsp[^/]*|ezsp[^/]*|zboss[^/]*|"
            + "libzboss[^/]*|z-?stack[^/]*|zigbee2mqtt|deconz[^/]*|libember[^/]*)$";

    @Override
    public String id() {
        return "fw.os.facts";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, String> proof = new TreeMap<>();
        data.put("os", linux(ctx) ? "embedded-linux" : "unknown");
        String libc = primaryLibc(ctx, proof);
        data.put("libc", libc == null ? "unknown" : libc);
        List<Account> accounts = AccountFiles.read(ctx.tree());
        boolean passwords = accounts.stream().anyMatch(a -> a.hasHash() || a.empty());
        data.put("has-passwords", passwords);
        accounts.stream().filter(Account::hasHash).findFirst().ifPresent(a -> proof.put("has-passwords", a.file()));
        data.put("ble-stack", present(ctx, BLE_STACK, "ble-stack", proof));
        data.put("zigbee-stack", present(ctx, ZIGBEE_STACK, "zigbee-stack", proof));
        String busybox = busybox(ctx);
        data.put("busybox", busybox != null);
        if (busybox != null) {
            proof.put("busybox", busybox);
        }
        List<Evidence> ev = proof.entrySet().stream()
                .map(e -> Evidence.file(e.getValue()).withExcerpt(e.getKey())).toList();
        return List.of(Results.info(id(), "facts: " + data, ev, data));
    }

    /** Whether the tree looks like an embedded Linux root (passwd, a shell, or etc/ beside ELF files). */
    public static boolean linux(ScanContext ctx) {
        return ctx.tree().resolve("etc/passwd").isPresent() || ctx.tree().resolve("bin/sh").isPresent()
                || ctx.tree().directories().contains("etc") && !ctx.elves().all().isEmpty();
    }

    /** The path of the first non-empty busybox binary, or null. */
    public static String busybox(ScanContext ctx) {
        List<TreeFile> found = ctx.tree().files(f -> (f.name().equals("busybox") || f.name().startsWith("busybox."))
                && f.size() > 0);
        return found.isEmpty() ? null : found.get(0).path();
    }

    /**
     * Whether a file or link path matches {@code regex} ({@link #BLE_STACK}, {@link #ZIGBEE_STACK}); the first
     * match is put into {@code proof} under {@code fact}.
     */
    public static boolean present(ScanContext ctx, String regex, String fact, Map<String, String> proof) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE);
        for (TreeFile f : ctx.tree().files()) {
            if (p.matcher(f.path()).find()) {
                proof.put(fact, f.path());
                return true;
            }
        }
        for (String link : ctx.tree().links().keySet()) {
            if (p.matcher(link).find()) {
                proof.put(fact, link);
                return true;
            }
        }
        return false;
    }

    /**
     * The C library the image's programs link: the flavour most ELF files ask for (interpreter or DT_NEEDED,
     * {@link LibcInfo#flavourNeeded}), so that one stray glibc file (a debug tool, a toolchain leftover) does not
     * outvote a uClibc system. The proof is that library's file when the image has it, else a program needing
     * it. Images whose programs name no libc fall back to the libc files found ({@link #libcByFiles}).
     */
    public static String primaryLibc(ScanContext ctx, Map<String, String> proof) {
        Map<String, Integer> votes = new TreeMap<>();
        Map<String, String> firstVoter = new TreeMap<>();
        for (ElfInfo e : ctx.elves().all()) {
            String f = LibcInfo.flavourNeeded(e.interpreter(), e.needed());
            if (f != null) {
                votes.merge(f, 1, Integer::sum);
                firstVoter.putIfAbsent(f, e.path());
            }
        }
        String best = null;
        for (var v : votes.entrySet()) {
            if (best == null || v.getValue() > votes.get(best)) {
                best = v.getKey();
            }
        }
        if (best == null) {
            return libcByFiles(ctx, proof);
        }
        String flavour = best;
        String file = ctx.elves().libcs().values().stream().filter(l -> l.flavour().equals(flavour))
                .map(LibcInfo::path).sorted().findFirst()
                .orElseGet(() -> ctx.elves().all().stream()
                        .filter(e -> flavour.equals(org.iotb.firmware.elf.ElfIndex.flavour(
                                e.path().substring(e.path().lastIndexOf('/') + 1))))
                        .map(ElfInfo::path).findFirst().orElse(firstVoter.get(flavour)));
        proof.put("libc", file);
        return flavour;
    }

    /** The libc of the shell's ABI, else of the ABI most ELF files use, by the libc files present. */
    static String libcByFiles(ScanContext ctx, Map<String, String> proof) {
        Map<String, Integer> count = new TreeMap<>();
        for (ElfInfo e : ctx.elves().all()) {
            count.merge(e.abi(), 1, Integer::sum);
        }
        String best = null;
        for (String shell : List.of("bin/sh", "bin/busybox", "sbin/init")) {
            var f = ctx.tree().resolve(shell);
            if (best == null && f.isPresent()) {
                var info = ctx.elves().get(f.get().path());
                if (info.isPresent() && ctx.elves().libcs().containsKey(info.get().abi())) {
                    best = info.get().abi();
                }
            }
        }
        for (var e : count.entrySet()) {
            if (best != null && (ctx.tree().resolve("bin/sh").isPresent() || ctx.tree().resolve("bin/busybox").isPresent())) {
                break; // the shell's ABI decided
            }
            LibcInfo l = ctx.elves().libcs().get(e.getKey());
            if (l != null && (best == null || e.getValue() > count.get(best))) {
                best = e.getKey();
            }
        }
        if (best == null) {
            for (ElfInfo e : ctx.elves().all()) {
                String i = e.interpreter() == null ? "" : e.interpreter();
                if (i.contains("uClibc")) {
                    proof.put("libc", e.path());
                    return "uclibc";
                }
                if (i.contains("musl")) {
                    proof.put("libc", e.path());
                    return "musl";
                }
                if (i.contains("ld-linux")) {
                    proof.put("libc", e.path());
                    return "glibc";
                }
            }
            return null;
        }
        LibcInfo l = ctx.elves().libcs().get(best);
        proof.put("libc", l.path());
        return l.flavour();
    }

    static String list(List<String> l) {
        return Results.list(l, 5);
    }
}
