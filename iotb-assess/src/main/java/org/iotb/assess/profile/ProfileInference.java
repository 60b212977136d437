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
import org.iotb.assess.claims.Observation;
import org.iotb.assess.claims.Observer;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.facts.OsFact;
import org.iotb.model.facts.ServiceFact;

/**
 * Compares the profile's claims with what the evidence observes ({@link Observer}): an observation fills a gap
 * the profile left unknown (an {@link InferredFact}) and overrides a claim it contradicts (a
 * {@link Contradiction}, which the report shows and the verdicts of the requirements whose applicability read the
 * claim carry as a conflict). Evidence outranks claims: applicability is decided on the {@link Result#apply
 * observed} profile. The OS is only ever filled in, never overridden (the firmware's OS naming is coarse).
 *
 * <p>Word lists (interfaces, features) the profile left unknown are special: an image that shows BLE says nothing
 * about Wi-Fi, so observed words only make requirements applicable that were undetermined ({@link Result#listGaps});
 * a list the profile gave gains the observed words.
 */
public final class ProfileInference {
    public static final String OS_FACTS = Observer.OS_FACTS;
    public static final String SERVICE_INVENTORY = Observer.SERVICE_INVENTORY;

    private final Observer observer = new Observer();

    /**
     * @param deviceFacts observed device facts for keys the profile left unknown
     * @param overrides   observed device facts that contradict the profile (they replace its claim)
     * @param os          the inferred OS when the profile left it unknown, else null
     * @param listGaps    observed words of lists the profile left unknown (interfaces, features); used only to
     *                    make requirements that need them applicable, never to rule others out
     * @param listAdditions observed words a list the profile gave left out (they are added to it)
     */
    public record Result(Map<String, Boolean> deviceFacts, Map<String, Boolean> overrides, String os,
                         Map<String, List<String>> listGaps, Map<String, List<String>> listAdditions,
                         List<InferredFact> inferred, List<Contradiction> contradictions) {

        /** Interfaces the firmware shows where the profile gives none (for the report and older callers). */
        public List<String> interfaces() {
            return listGaps.getOrDefault(Profile.INTERFACES, List.of());
        }

        /** The profile as the evidence corrects it: gaps filled, contradicted claims replaced, lists completed. */
        public Profile apply(Profile declared) {
            Map<String, Boolean> device = new LinkedHashMap<>(declared.device());
            deviceFacts.forEach(device::putIfAbsent);
            device.putAll(overrides);
            Map<String, Object> facts = new LinkedHashMap<>(declared.facts());
            listAdditions.forEach((key, words) -> {
                List<String> merged = new ArrayList<>(declared.words(key) == null ? List.of() : declared.words(key));
                words.stream().filter(w -> !merged.contains(w)).forEach(merged::add);
                facts.put(key, merged);
            });
            if (os != null && declared.os() == null) {
                facts.put(Profile.OS, os);
            }
            return new Profile(declared.product(), device, facts);
        }

        /** The profile as claimed, with only its gaps filled: what applicability would be if the claims were true. */
        public Profile claimed(Profile declared) {
            Profile p = declared.withDeviceFacts(deviceFacts);
            return os != null && declared.os() == null ? p.withOs(os) : p;
        }
    }

    public Result infer(Profile declared, List<SourceFindings> sources) {
        Map<String, Boolean> deviceFacts = new LinkedHashMap<>();
        Map<String, Boolean> overrides = new LinkedHashMap<>();
        Map<String, List<String>> listGaps = new LinkedHashMap<>();
        Map<String, List<String>> listAdditions = new LinkedHashMap<>();
        List<InferredFact> inferred = new ArrayList<>();
        List<Contradiction> contradictions = new ArrayList<>();

        String os = os(declared, sources, inferred, contradictions);
        for (Observation o : observer.observe(sources)) {
            if (o.deviceFact()) {
                Boolean said = declared.fact(o.deviceKey());
                if (said == null) {
                    deviceFacts.put(o.deviceKey(), (Boolean) o.value());
                    inferred.add(new InferredFact(o.key(), o.value(), o.check(), o.source(), o.detail()));
                } else if (!said.equals(o.value())) {
                    overrides.put(o.deviceKey(), (Boolean) o.value());
                    contradictions.add(new Contradiction(o.key(), said, o.value(), o.check(), o.source(),
                            "profile says " + o.key() + " is " + said + " but " + o.detail()));
                }
                continue;
            }
            String word = String.valueOf(o.value());
            List<String> said = declared.words(o.key());
            if (said == null) {
                listGaps.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(word);
                inferred.add(new InferredFact(o.key(), word, o.check(), o.source(), o.detail()));
            } else if (!said.contains(word) && !(word.equals("ble") && said.contains("ble-mesh"))) {
                listAdditions.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(word);
                contradictions.add(new Contradiction(o.key(), said, word, o.check(), o.source(),
                        "profile does not list " + word + " in " + o.key() + " but " + o.detail()));
            }
        }
        remoteLogin(sources, inferred);
        return new Result(deviceFacts, overrides, os, listGaps, listAdditions, inferred, contradictions);
    }

    private static String os(Profile declared, List<SourceFindings> sources, List<InferredFact> inferred,
                             List<Contradiction> contradictions) {
        for (SourceFindings source : sources) {
            OsFact o = source.facts().os();
            String fwOs = o == null ? null : osOf(o.os());
            if (fwOs == null) {
                continue;
            }
            if (declared.os() == null) {
                inferred.add(new InferredFact("os", fwOs, OS_FACTS, source.inputName(), "the image is " + o.os()
                        + (o.libc() != null ? " with " + o.libc() : "")));
                return fwOs;
            }
            if (!declared.os().equals(fwOs)) {
                contradictions.add(new Contradiction("os", declared.os(), fwOs, OS_FACTS, source.inputName(),
                        "profile says os " + declared.os() + " but the image is " + o.os()));
            }
            return null;
        }
        return null;
    }

    /** Remote-login daemons started at boot, reported as an inferred fact (no profile key reads it). */
    private static void remoteLogin(List<SourceFindings> sources, List<InferredFact> inferred) {
        Set<String> logins = new LinkedHashSet<>();
        String loginSource = null;
        for (SourceFindings source : sources) {
            for (ServiceFact s : source.facts().services(ServiceFact.Kind.BOOT)) {
                if (s.name() == null) {
                    continue;
                }
                String name = s.name().toLowerCase(Locale.ROOT);
                for (String daemon : Observer.REMOTE_LOGIN) {
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
