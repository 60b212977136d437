package org.iotb.firmware.services;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.iotb.model.Json;

/**
 * A boot-service rule from data/service-rules.yaml: which started programs or command lines a check flags.
 * {@code label} names what the rule finds in messages ("debug servers or unauthenticated shell listeners").
 */
public record ServiceRule(String check, String label, String severity, List<String> programs, List<String> patterns,
                          List<UciSwitch> uci) {

    /**
     * An OpenWrt UCI switch that makes a service's init script start it: {@code option} set to a true value in a
     * {@code config <section>} of /etc/config/{@code config}; {@code initScript} is the /etc/init.d script reading it.
     */
    public record UciSwitch(String config, String section, String option, String initScript) { }

    /** The words a finding message uses for what this rule flags. */
    public String what() {
        return label != null ? label : String.join("/", programs.subList(0, Math.min(3, programs.size())));
    }

    public static List<ServiceRule> all() {
        try (InputStream in = ServiceRule.class.getResourceAsStream("/org/iotb/firmware/data/service-rules.yaml")) {
            return List.copyOf(Json.yaml().readValue(in, new TypeReference<List<ServiceRule>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
