package org.iotb.assess.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Contradiction;
import org.iotb.assess.InferredFact;
import org.iotb.catalog.profile.Profile;

/**
 * Fills profile gaps with facts the firmware reveals and flags where it contradicts the declared profile.
 * Reads {@code fw.os.facts} (data: os, libc, has-passwords, ble-stack, zigbee-stack, busybox) and
 * {@code fw.svc.inventory} (data.services). A declared fact is never overwritten: a disagreement becomes a
 * {@link Contradiction}. Interfaces are only ever added as positive facts (see {@link Result#interfaces}).
 */
public final class ProfileInference {
    public static final String OS_FACTS = "fw.os.facts";
    public static final String SERVICE_INVENTORY = "fw.svc.inventory";

    /** Remote-login daemons whose presence the report names as an inferred fact. */
    private static final List<String> REMOTE_LOGIN = List.of("telnetd", "telnet", "dropbear", "sshd", "ftpd", "vsftpd");

    /**
     * @param deviceFacts inferred device facts for keys the profile left unknown
     * @param os the inferred OS when the profile left it unknown, else null
     * @param interfaces interfaces the firmware shows the product has (ble, zigbee); used only to make
     *                   requirements that need them applicable, never to rule others out
     */
    public record Result(Map<String, Boolean> deviceFacts, String os, List<String> interfaces,
                         List<InferredFact> inferred, List<Contradiction> contradictions) {

        /** The profile with the gaps filled (device facts and OS; interfaces are handled by the caller). */
        public Profile apply(Profile declared) {
            Profile p = declared.withDeviceFacts(deviceFacts);
            return os != null && declared.os() == null ? p.withOs(os) : p;
        }
    }

    public Result infer(Profile declared, List<AssessedFinding> findings) {
        Map<String, Boolean> deviceFacts = new LinkedHashMap<>();
        String os = null;
        Set<String> interfaces = new LinkedHashSet<>();
        List<InferredFact> inferred = new ArrayList<>();
        List<Contradiction> contradictions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();

        for (AssessedFinding f : findings) {
            if (!OS_FACTS.equals(f.check()) || f.data() == null) {
                continue;
            }
            Map<String, Object> d = f.data();
            String fwOs = osOf(d.get("os"));
            if (fwOs != null && seen.add("os")) {
                if (declared.os() == null) {
                    os = fwOs;
                    inferred.add(new InferredFact("os", fwOs, f.check(), f.source(), "the image is " + d.get("os")
                            + (d.get("libc") != null ? " with " + d.get("libc") : "")));
                } else if (!declared.os().equals(fwOs)) {
                    contradictions.add(new Contradiction("os", declared.os(), fwOs, f.check(), f.source(),
                            "profile says os " + declared.os() + " but the image is " + d.get("os")));
                }
            }
            if (truthy(d.get("has-passwords")) && seen.add("passwords")) {
                Boolean said = declared.fact("passwords");
                if (said == null) {
                    deviceFacts.put("passwords", true);
                    inferred.add(new InferredFact("device.passwords", true, f.check(), f.source(),
                            "the image holds password hashes"));
                } else if (!said) {
                    contradictions.add(new Contradiction("device.passwords", false, true, f.check(), f.source(),
                            "profile says the product uses no passwords but the image holds password hashes"));
                }
            }
            stack(declared, f, d.get("ble-stack"), "ble", "a BLE stack", interfaces, inferred, contradictions, seen);
            stack(declared, f, d.get("zigbee-stack"), "zigbee", "a Zigbee stack", interfaces, inferred, contradictions, seen);
        }

        Set<String> logins = new LinkedHashSet<>();
        String loginSource = null;
        for (AssessedFinding f : findings) {
            if (!SERVICE_INVENTORY.equals(f.check()) || !(f.data().get("services") instanceof Collection<?> services)) {
                continue;
            }
            for (Object s : services) {
                if (s instanceof Map<?, ?> m && m.get("name") != null) {
                    String name = String.valueOf(m.get("name")).toLowerCase(Locale.ROOT);
                    for (String daemon : REMOTE_LOGIN) {
                        if (name.equals(daemon) || name.endsWith("/" + daemon)) {
                            logins.add(daemon);
                            loginSource = loginSource == null ? f.source() : loginSource;
                        }
                    }
                }
            }
        }
        if (!logins.isEmpty()) {
            inferred.add(new InferredFact("services.remote-login", new ArrayList<>(logins), SERVICE_INVENTORY,
                    loginSource, "the image starts " + String.join(", ", logins) + " at boot"));
        }
        return new Result(deviceFacts, os, new ArrayList<>(interfaces), inferred, contradictions);
    }

    private static void stack(Profile declared, AssessedFinding f, Object value, String iface, String what,
                              Set<String> interfaces, List<InferredFact> inferred, List<Contradiction> contradictions,
                              Set<String> seen) {
        if (!truthy(value) || !seen.add(iface)) {
            return;
        }
        String detail = "the image contains " + what + (value instanceof String s ? " (" + s + ")" : "");
        List<String> said = declared.interfaces();
        if (said == null) {
            interfaces.add(iface);
            inferred.add(new InferredFact("interfaces", iface, f.check(), f.source(), detail));
        } else if (!said.contains(iface) && !(iface.equals("ble") && said.contains("ble-mesh"))) {
            contradictions.add(new Contradiction("interfaces", said, iface, f.check(), f.source(),
                    "profile does not list " + iface + " but " + detail));
        }
    }

    /** Maps the firmware checks' OS names onto the profile vocabulary. */
    static String osOf(Object v) {
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).toLowerCase(Locale.ROOT);
        if (s.contains("android")) {
            return "android";
        }
        if (s.contains("linux")) {
            return "embedded-linux";
        }
        if (s.contains("rtos") || s.contains("vxworks") || s.contains("zephyr") || s.contains("threadx")
                || s.contains("nuttx") || s.contains("ecos")) {
            return "rtos";
        }
        return null;
    }

    static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            return !t.isEmpty() && !t.equals("false") && !t.equals("no") && !t.equals("none") && !t.equals("0");
        }
        return false;
    }
}
