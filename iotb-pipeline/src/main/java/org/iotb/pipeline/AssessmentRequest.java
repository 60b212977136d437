package org.iotb.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.iotb.probe.ProbeOptions;
import org.iotb.probe.net.PortSpec;

/**
 * Everything one assessment run needs, as {@code iotb assess} takes it: the product profile, the manufacturer's
 * declarations (null: none), the firmware images of one or more units in order (files or unpacked directories),
 * the live devices to probe and how, the vulnerability store (null: {@code $IOTB_VULNDB} or the user's default)
 * where to keep the unpacked images (null: temporary directories, removed after the run), the standards to assess
 * (ids as {@code iotb catalog list} prints them; empty: all) and whether an assessment from declarations alone was
 * asked for (without it, a request with no firmware and no device is refused: there is nothing to examine).
 */
public record AssessmentRequest(Path profile, Path declarations, List<Path> firmware, List<String> devices,
        ProbeOptions probeOptions, Path vulnDb, Path workdir, List<String> standards, boolean declarationsOnly,
        List<Path> vex, Integer maxVulnDbAgeDays) {

    public AssessmentRequest {
        Objects.requireNonNull(profile, "profile");
        vex = vex == null ? List.of() : List.copyOf(vex);
        firmware = firmware == null ? List.of() : List.copyOf(firmware);
        devices = devices == null ? List.of() : List.copyOf(devices);
        probeOptions = probeOptions == null ? ProbeOptions.defaults() : probeOptions;
        standards = standards == null ? List.of() : List.copyOf(standards);
    }

    /** No VEX files; the default vulnerability-data age limit. */
    public AssessmentRequest(Path profile, Path declarations, List<Path> firmware, List<String> devices,
                             ProbeOptions probeOptions, Path vulnDb, Path workdir, List<String> standards,
                             boolean declarationsOnly) {
        this(profile, declarations, firmware, devices, probeOptions, vulnDb, workdir, standards, declarationsOnly,
                List.of(), null);
    }

    /**
     * The same request applying the lab's triage ({@code --vex} files, CycloneDX VEX or OpenVEX) and judging the
     * vulnerability data's age against {@code maxAgeDays} (null: the default, 30 days).
     */
    public AssessmentRequest withVulnerabilityTriage(List<Path> vexFiles, Integer maxAgeDays) {
        return new AssessmentRequest(profile, declarations, firmware, devices, probeOptions, vulnDb, workdir, standards,
                declarationsOnly, vexFiles, maxAgeDays);
    }

    /** Every standard; evidence required (the shape before standards could be selected). */
    public AssessmentRequest(Path profile, Path declarations, List<Path> firmware, List<String> devices,
                             ProbeOptions probeOptions, Path vulnDb, Path workdir) {
        this(profile, declarations, firmware, devices, probeOptions, vulnDb, workdir, List.of(), false);
    }

    /** The same request limited to these standards (empty: all). */
    public AssessmentRequest withStandards(List<String> ids) {
        return new AssessmentRequest(profile, declarations, firmware, devices, probeOptions, vulnDb, workdir, ids,
                declarationsOnly, vex, maxVulnDbAgeDays);
    }

    /** The same request, allowed (or not) to assess from the profile and declarations alone. */
    public AssessmentRequest withDeclarationsOnly(boolean allowed) {
        return new AssessmentRequest(profile, declarations, firmware, devices, probeOptions, vulnDb, workdir, standards,
                allowed, vex, maxVulnDbAgeDays);
    }

    /** The default probe options with login attempts allowed or not and, unless null, these ports ("22,80,8000-8100", "all"). */
    public static ProbeOptions probeOptions(boolean intrusive, String ports) {
        return probeOptions(intrusive, ports, null);
    }

    /** As above, with UDP probing on at these ports when {@code udpPorts} is not null ("coap=5684,snmp=1161,5000"). */
    public static ProbeOptions probeOptions(boolean intrusive, String ports, String udpPorts) {
        ProbeOptions options = ProbeOptions.defaults().withIntrusive(intrusive);
        try {
            options = options.withUdpPorts(udpPorts);
        } catch (IllegalArgumentException e) {
            throw new PipelineInputException("--udp-ports: " + e.getMessage());
        }
        if (ports == null) {
            return options;
        }
        try {
            return options.withPorts(PortSpec.parse(ports));
        } catch (IllegalArgumentException e) {
            throw new PipelineInputException("--ports: " + e.getMessage());
        }
    }
}
