package org.iotb.catalog.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the product is, as the manufacturer or tester describes it. Every fact may be unknown (null): an unknown
 * fact makes the requirements that depend on it "undetermined" rather than guessed. {@code device} holds the
 * EN 303 645 condition facts under their profile keys (passwords, constrained, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(
        Product product,
        Map<String, Boolean> device,
        Xiaomi xiaomi,
        List<String> interfaces,
        String os,
        List<String> features) {

    /** The device keys a profile may set, in the order the template lists them. */
    public static final List<String> DEVICE_KEYS = List.of(
            "constrained", "passwords", "preinstalled-passwords", "user-authentication", "software-updateable",
            "update-mechanism", "network-updates", "automatic-updates", "telemetry", "consent-based-processing",
            "hardcoded-identity", "debug-interface-accessible");

    public Profile {
        device = device == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(device));
        interfaces = interfaces == null ? null : List.copyOf(interfaces);
        features = features == null ? null : List.copyOf(features);
    }

    /** A device fact: true, false, or null when the profile does not say. */
    public Boolean fact(String key) {
        return device.get(key);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Product(String name, String model, String manufacturer, String firmwareVersion) {
    }

    /** Xiaomi Appendix A inputs: personal-data categories and the integrity/availability impact of an attack. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Xiaomi(List<String> personalData, String integrityImpact, String availabilityImpact,
                         List<String> categories) {
        public Xiaomi {
            personalData = personalData == null ? null : List.copyOf(personalData);
            categories = categories == null ? null : List.copyOf(categories);
        }
    }

    /** A copy with extra device facts (used to fill gaps with inferred facts). */
    public Profile withDeviceFacts(Map<String, Boolean> extra) {
        Map<String, Boolean> merged = new LinkedHashMap<>(device);
        extra.forEach(merged::putIfAbsent);
        return new Profile(product, merged, xiaomi, interfaces, os, features);
    }

    public Profile withInterfaces(List<String> newInterfaces) {
        return new Profile(product, device, xiaomi, newInterfaces, os, features);
    }

    public Profile withOs(String newOs) {
        return new Profile(product, device, xiaomi, interfaces, newOs, features);
    }
}
