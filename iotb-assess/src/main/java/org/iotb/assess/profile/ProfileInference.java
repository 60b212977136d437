package org.iotb.assess.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.Contradiction;
import org.iotb.assess.InferredFact;
import org.iotb.assess.SourceFindings;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.InterfaceFact;
import org.iotb.model.facts.OsFact;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;

/**
 * Fills profile gaps with facts the firmware reveals and flags where it contradicts the declared profile.
 * Reads each input's typed {@link SystemFacts}: the OS, whether any account has a password, the radio stacks
 * (interfaces) and the boot services. The inferred facts name the check that reports the same observation
 * ({@code fw.os.facts}, {@code fw.svc.inventory}) as their provenance. A declared fact is never overwritten: a
 * disagreement becomes a {@link Contradiction}. Interfaces are only ever added as positive facts (see
 * {@link Result#interfaces}).
 */
public final class ProfileInference {
    public static final String OS_FACTS = "fw.os.facts";
    public static final String SERVICE_INVENTORY = "fw.svc.inventory";

    /** The radios a protocol stack in the image shows, as the inferred fact's detail names them. */
    private static final Map<String, String> STACKS = Map.of("ble", "a BLE stack", "zigbee", "a Zigbee stack");

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

    public Result infer(Profile declared, List<SourceFindings> sources) {
        Map<String, Boolean> deviceFacts = new LinkedHashMap<>();
        String os = null;
        Set<String> interfaces = new LinkedHashSet<>();
        List<InferredFact> inferred = new ArrayList<>();
        List<Contradiction> contradictions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();

        for (SourceFindings source : sources) {
            SystemFacts facts = source.facts();
            String from = source.inputName();
            OsFact o = facts.os();
            String fwOs = o == null ? null : osOf(o.os());
            if (fwOs != null && seen.add("os")) {
                if (declared.os() == null) {
                    os = fwOs;
                    inferred.add(new InferredFact("os", fwOs, OS_FACTS, from, "the image is " + o.os()
                            + (o.libc() != null ? " with " + o.libc() : "")));
                } else if (!declared.os().equals(fwOs)) {
                    contradictions.add(new Contradiction("os", declared.os(), fwOs, OS_FACTS, from,
                            "profile says os " + declared.os() + " but the image is " + o.os()));
                }
            }
            boolean passwords = facts.accounts() != null && facts.accounts().stream().anyMatch(AccountFact::hasPassword);
            if (passwords && seen.add("passwords")) {
                Boolean said = declared.fact("passwords");
                if (said == null) {
                    deviceFacts.put("passwords", true);
                    inferred.add(new InferredFact("device.passwords", true, OS_FACTS, from,
                            "the image holds password hashes"));
                } else if (!said) {
                    contradictions.add(new Contradiction("device.passwords", false, true, OS_FACTS, from,
                            "profile says the product uses no passwords but the image holds password hashes"));
                }
            }
            if (facts.interfaces() != null) {
                for (InterfaceFact i : facts.interfaces()) {
                    String what = STACKS.get(i.kind());
                    if (what != null) {
                        stack(declared, from, i.kind(), what, interfaces, inferred, contradictions, seen);
                    }
                }
            }
        }

        Set<String> logins = new LinkedHashSet<>();
        String loginSource = null;
        for (SourceFindings source : sources) {
            for (ServiceFact s : source.facts().services(ServiceFact.Kind.BOOT)) {
                if (s.name() == null) {
                    continue;
                }
                String name = s.name().toLowerCase(Locale.ROOT);
                for (String daemon : REMOTE_LOGIN) {
                    if (name.equals(daemon) || name.endsWith("/" + daemon)) {
                        logins.add(daemon);
                        loginSource = loginSource == null ? source.inputName() : loginSource;
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

    private static void stack(Profile declared, String from, String iface, String what,
                              Set<String> interfaces, List<InferredFact> inferred, List<Contradiction> contradictions,
                              Set<String> seen) {
        if (!seen.add(iface)) {
            return;
        }
        String detail = "the image contains " + what;
        List<String> said = declared.interfaces();
        if (said == null) {
            interfaces.add(iface);
            inferred.add(new InferredFact("interfaces", iface, OS_FACTS, from, detail));
        } else if (!said.contains(iface) && !(iface.equals("ble") && said.contains("ble-mesh"))) {
            contradictions.add(new Contradiction("interfaces", said, iface, OS_FACTS, from,
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
}
