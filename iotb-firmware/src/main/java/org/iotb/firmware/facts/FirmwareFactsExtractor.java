package org.iotb.firmware.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.checks.cred.Account;
import org.iotb.firmware.checks.cred.AccountFiles;
import org.iotb.firmware.checks.cred.CryptScheme;
import org.iotb.firmware.checks.misc.UpdateMechanismCheck;
import org.iotb.firmware.checks.os.OsFactsCheck;
import org.iotb.firmware.services.BootCommand;
import org.iotb.firmware.services.ServiceInventoryCheck;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.InterfaceFact;
import org.iotb.model.facts.OsFact;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.iotb.model.facts.UpdatePathFact;

/**
 * The typed facts of one root file system, observed once per scan with the same analysis the informational
 * checks use (fw.os.facts, fw.svc.inventory, fw.update.mechanism, the account files of the credential checks),
 * so a fact and the finding that reports it cannot disagree. Paths are relative to the root; the scanner
 * prefixes them when the image has several roots ({@link #prefixed}).
 */
public final class FirmwareFactsExtractor {
    private FirmwareFactsExtractor() {
    }

    public static SystemFacts extract(ScanContext ctx) {
        Map<String, String> proof = new TreeMap<>();
        String libc = OsFactsCheck.primaryLibc(ctx, proof);
        String busybox = OsFactsCheck.busybox(ctx);
        if (busybox != null) {
            proof.put("busybox", busybox);
        }
        OsFact os = new OsFact(OsFactsCheck.linux(ctx) ? "embedded-linux" : OsFact.UNKNOWN,
                libc == null ? OsFact.UNKNOWN : libc, busybox != null, proof);

        List<InterfaceFact> interfaces = new ArrayList<>();
        Map<String, String> stacks = new TreeMap<>();
        if (OsFactsCheck.present(ctx, OsFactsCheck.BLE_STACK, "ble", stacks)) {
            interfaces.add(new InterfaceFact("ble", stacks.get("ble")));
        }
        if (OsFactsCheck.present(ctx, OsFactsCheck.ZIGBEE_STACK, "zigbee", stacks)) {
            interfaces.add(new InterfaceFact("zigbee", stacks.get("zigbee")));
        }

        List<UpdatePathFact> updates = new ArrayList<>();
        UpdateMechanismCheck.tools(ctx).forEach((tool, paths) -> updates.add(new UpdatePathFact(tool, paths)));

        return new SystemFacts(os, services(ctx), accounts(ctx), interfaces, null, updates);
    }

    /** The programs the image starts at boot, as fw.svc.inventory lists them. */
    static List<ServiceFact> services(ScanContext ctx) {
        List<ServiceFact> out = new ArrayList<>();
        for (BootCommand c : ServiceInventoryCheck.started(ctx)) {
            out.add(ServiceFact.boot(c.program(), c.via(), c.source(), c.line(), Results.excerpt(c.command())));
        }
        return out;
    }

    /**
     * Every passwd/shadow entry (backups such as shadow.bak included), without its secret; a passwd entry that only
     * points at the shadow file ("x") is left out when that shadow entry exists. The uid comes from the passwd file
     * of the same directory.
     */
    static List<AccountFact> accounts(ScanContext ctx) {
        Map<String, Integer> uids = new HashMap<>();
        for (TreeFile f : AccountFiles.files(ctx.tree())) {
            if (f.name().startsWith("passwd")) {
                for (String l : ctx.tree().lines(f)) {
                    String[] p = l.split(":", -1);
                    if (p.length >= 7 && p[2].strip().matches("\\d{1,9}")) {
                        uids.putIfAbsent(dir(f.path()) + p[0], Integer.parseInt(p[2].strip()));
                    }
                }
            }
        }
        List<Account> all = AccountFiles.read(ctx.tree());
        java.util.Set<String> inShadow = new java.util.HashSet<>();
        all.stream().filter(a -> a.fromShadow() && a.file().endsWith("shadow"))
                .forEach(a -> inShadow.add(dir(a.file()) + a.user()));
        List<AccountFact> out = new ArrayList<>();
        for (Account a : all) {
            if (!a.fromShadow() && a.secret().equals("x") && inShadow.contains(dir(a.file()) + a.user())) {
                continue; // "x" in passwd only points at the shadow entry, which is listed itself
            }
            AccountFact.Password state = a.hasHash() ? AccountFact.Password.HASH
                    : a.empty() ? AccountFact.Password.EMPTY : AccountFact.Password.LOCKED;
            String kind = a.hasHash() ? CryptScheme.of(a.secret()).name().toLowerCase(Locale.ROOT) : null;
            out.add(new AccountFact(a.user(), a.file(), a.line(), state, kind,
                    a.shell() == null || a.shell().isEmpty() ? null : a.shell(), uids.get(dir(a.file()) + a.user())));
        }
        return out;
    }

    /** The facts of a root that lives in directory {@code prefix} of the extraction: every path gets the prefix. */
    public static SystemFacts prefixed(SystemFacts f, String prefix) {
        return new SystemFacts(prefixedOs(f.os(), prefix),
                f.services() == null ? null : f.services().stream().map(s -> s.withSourcePrefix(prefix)).toList(),
                f.accounts() == null ? null : f.accounts().stream().map(a -> a.withFilePrefix(prefix)).toList(),
                f.interfaces() == null ? null : f.interfaces().stream().map(i -> i.withProofPrefix(prefix)).toList(),
                f.components(),
                f.updatePaths() == null ? null : f.updatePaths().stream().map(u -> u.withPathPrefix(prefix)).toList());
    }

    private static OsFact prefixedOs(OsFact os, String prefix) {
        if (os == null) {
            return null;
        }
        Map<String, String> proof = new TreeMap<>();
        os.proof().forEach((k, v) -> proof.put(k, prefix + "/" + v));
        return new OsFact(os.os(), os.libc(), os.busybox(), proof);
    }

    private static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
