package org.iotb.assess.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iotb.assess.SourceFindings;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.InterfaceFact;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;

/**
 * Reads what the evidence shows about the profile's claims: each input's typed {@link SystemFacts} and the failing
 * findings of the few checks whose failure proves a product property (a default credential proves passwords are
 * used; a shell on the serial console proves a debug interface). One rule per property, in the order the report
 * lists them; the first input that shows a property is its source. See docs/assessment.md, "Claims and
 * observations", for the table.
 *
 * <p>Telemetry has no observation yet: no fact type says "this product sends telemetry", so the profile's claim
 * stands (and is documented as a gap).
 */
public final class Observer {
    /** The provenance of facts read from accounts, OS and radio stacks (the check reporting the same analysis). */
    public static final String OS_FACTS = "fw.os.facts";
    public static final String SERVICE_INVENTORY = "fw.svc.inventory";
    public static final String UPDATE_MECHANISM = "fw.update.mechanism";

    /** Checks whose failure proves that the product uses passwords. */
    private static final List<String> PASSWORD_CHECKS =
            List.of("fw.cred.default-password", "fw.cred.empty-password", "net.auth.default-credentials");
    private static final String SERIAL_SHELL = "fw.os.serial-shell";
    private static final String ZIGBEE_TCLK = "fw.zigbee.default-tclk";
    private static final String UNSIGNED_UPDATE = "fw.update.unsigned";

    /** Remote-login daemons: with an account that has a password, the product has a login interface. */
    public static final List<String> REMOTE_LOGIN = List.of("telnetd", "telnet", "dropbear", "sshd", "ftpd", "vsftpd");
    private static final Set<String> LOGIN_PROTOCOLS = Set.of("ssh", "telnet", "ftp");

    /** Radios a protocol stack in the image shows, as the observation's detail names them. */
    private static final java.util.Map<String, String> STACKS = java.util.Map.of("ble", "a BLE stack", "zigbee", "a Zigbee stack");

    public List<Observation> observe(List<SourceFindings> sources) {
        List<Observation> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SourceFindings s : sources) {
            passwords(s, out, seen);
        }
        for (SourceFindings s : sources) {
            debugInterface(s, out, seen);
        }
        for (SourceFindings s : sources) {
            radios(s, out, seen);
        }
        loginInterface(sources, out, seen);
        for (SourceFindings s : sources) {
            updates(s, out, seen);
        }
        return out;
    }

    private static void passwords(SourceFindings s, List<Observation> out, Set<String> seen) {
        List<AccountFact> accounts = s.facts().accounts() == null ? List.of() : s.facts().accounts();
        boolean hash = accounts.stream().anyMatch(a -> a.password() == AccountFact.Password.HASH);
        boolean empty = accounts.stream().anyMatch(a -> a.password() == AccountFact.Password.EMPTY);
        if (hash || empty) {
            add(out, seen, new Observation("device.passwords", true, OS_FACTS, s.inputName(), hash
                    ? "the image holds password hashes" : "the image has accounts that log in with an empty password"));
        }
        if (hash) {
            add(out, seen, new Observation("device.preinstalled-passwords", true, OS_FACTS, s.inputName(),
                    "the image ships password hashes, which are pre-installed passwords"));
        }
        for (String check : PASSWORD_CHECKS) {
            failing(s, check).ifPresent(f -> add(out, seen, new Observation("device.passwords", true, check,
                    s.inputName(), check + " failed: " + clip(f.message()))));
        }
    }

    private static void debugInterface(SourceFindings s, List<Observation> out, Set<String> seen) {
        failing(s, SERIAL_SHELL).ifPresent(f -> add(out, seen, new Observation("device.debug-interface-accessible",
                true, SERIAL_SHELL, s.inputName(), "the image gives a shell on a serial console: " + clip(f.message()))));
    }

    private static void radios(SourceFindings s, List<Observation> out, Set<String> seen) {
        if (s.facts().interfaces() != null) {
            for (InterfaceFact i : s.facts().interfaces()) {
                String what = STACKS.get(i.kind());
                if (what != null) {
                    add(out, seen, new Observation(Profile.INTERFACES, i.kind(), OS_FACTS, s.inputName(),
                            "the image contains " + what));
                }
            }
        }
        failing(s, ZIGBEE_TCLK).ifPresent(f -> add(out, seen, new Observation(Profile.INTERFACES, "zigbee",
                ZIGBEE_TCLK, s.inputName(), "the image holds the Zigbee default trust-centre link key")));
    }

    /**
     * An account with a password that a remote-login service (started at boot, or found listening) lets one use
     * is a login interface (Xiaomi's "feature:login-ui": a local UI, web UI or administration back end).
     */
    private static void loginInterface(List<SourceFindings> sources, List<Observation> out, Set<String> seen) {
        boolean passwords = out.stream().anyMatch(o -> o.key().equals("device.passwords"));
        if (!passwords) {
            return;
        }
        for (SourceFindings s : sources) {
            for (ServiceFact svc : s.facts().services() == null ? List.<ServiceFact>of() : s.facts().services()) {
                String name = svc.name() == null ? "" : svc.name().toLowerCase(Locale.ROOT);
                boolean login = svc.kind() == ServiceFact.Kind.BOOT
                        ? REMOTE_LOGIN.stream().anyMatch(d -> name.equals(d) || name.endsWith("/" + d))
                        : LOGIN_PROTOCOLS.contains(name);
                if (login) {
                    add(out, seen, new Observation(Profile.FEATURES, "login-ui",
                            svc.kind() == ServiceFact.Kind.BOOT ? SERVICE_INVENTORY : "net.svc.inventory", s.inputName(),
                            (svc.kind() == ServiceFact.Kind.BOOT ? "the image starts " + svc.name() + " at boot"
                                    : "the device offers " + svc.name() + " on port " + svc.port())
                                    + " and has accounts with passwords: a login interface"));
                    return;
                }
            }
        }
    }

    private static void updates(SourceFindings s, List<Observation> out, Set<String> seen) {
        String proof = null;
        String check = UPDATE_MECHANISM;
        if (s.facts().updatePaths() != null && !s.facts().updatePaths().isEmpty()) {
            proof = "the image holds the update mechanism " + s.facts().updatePaths().get(0).mechanism();
        } else if (failing(s, UNSIGNED_UPDATE).isPresent()) {
            check = UNSIGNED_UPDATE;
            proof = "the image installs updates without a signature check: " + clip(failing(s, UNSIGNED_UPDATE).get().message());
        }
        if (proof != null) {
            add(out, seen, new Observation("device.update-mechanism", true, check, s.inputName(), proof));
            add(out, seen, new Observation("device.software-updateable", true, check, s.inputName(), proof));
        }
    }

    private static java.util.Optional<Finding> failing(SourceFindings s, String check) {
        return s.findings().stream().filter(f -> check.equals(f.check()) && f.outcome() == Outcome.FAIL).findFirst();
    }

    private static void add(List<Observation> out, Set<String> seen, Observation o) {
        if (seen.add(o.key() + "=" + o.value())) {
            out.add(o);
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 120 ? one : one.substring(0, 120) + "…";
    }
}
