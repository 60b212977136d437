package org.iotb.assess.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.CheckIds;
import org.iotb.assess.InputKind;
import org.iotb.assess.SourceFindings;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.model.facts.ServiceFact;

/**
 * Firmware versus device: what the image says the product does, compared with what the probed device does.
 * Services are compared on the inputs' typed facts (boot {@link ServiceFact}s of the image, listening ones of the
 * device); keys and credentials on the findings that prove them.
 * Agreement is reported as information (it confirms the firmware findings apply to the real device);
 * a contradiction becomes a warning; a key or default password from the image that the device really uses
 * is a confirmed failure.
 */
public final class CrossChecker {
    public static final String SERVICES = "assess.cross.services";
    public static final String KEYS = "assess.cross.keys";
    public static final String CREDENTIALS = "assess.cross.credentials";

    static final String FW_SERVICES = "fw.svc.inventory";
    static final String NET_SERVICES = "net.svc.inventory";
    static final String NET_CERT = "net.tls.certificate";
    static final String FW_DEFAULT_PASSWORD = "fw.cred.default-password";
    static final String NET_DEFAULT_CREDENTIALS = "net.auth.default-credentials";

    private final Map<String, List<String>> servicePorts;

    public CrossChecker() {
        this(AssessData.load("service-ports.yaml", new TypeReference<Map<String, List<String>>>() { }));
    }

    CrossChecker(Map<String, List<String>> servicePorts) {
        this.servicePorts = servicePorts;
    }

    public List<Finding> check(List<SourceFindings> inputs) {
        List<SourceFindings> fw = inputs.stream().filter(i -> i.kind() == InputKind.FIRMWARE).toList();
        List<SourceFindings> dev = inputs.stream().filter(i -> i.kind() == InputKind.DEVICE).toList();
        if (fw.isEmpty() || dev.isEmpty()) {
            String why = "firmware-versus-device cross-checks need both a firmware image and a device (got "
                    + fw.size() + " image(s), " + dev.size() + " device(s))";
            return List.of(Finding.notRun(SERVICES, why), Finding.notRun(KEYS, why), Finding.notRun(CREDENTIALS, why));
        }
        List<Finding> out = new ArrayList<>();
        out.addAll(services(fw, dev));
        out.add(keys(fw, dev));
        out.add(credentials(fw, dev));
        return out;
    }

    // ---- services ---------------------------------------------------------------------------------------

    private record BootService(String name, String unit, String source, Integer line) {
    }

    private record OpenPort(String host, int port, String transport, String service) {
        String key() {
            return transport + "/" + port;
        }
    }

    private List<Finding> services(List<SourceFindings> fw, List<SourceFindings> dev) {
        List<BootService> boot = new ArrayList<>();
        boolean fwInventory = false;
        for (SourceFindings u : fw) {
            fwInventory |= u.facts().services() != null;
            for (ServiceFact s : u.facts().services(ServiceFact.Kind.BOOT)) {
                if (s.name() != null) {
                    boot.add(new BootService(s.name(), u.inputName(), s.source(), s.line()));
                }
            }
        }
        List<OpenPort> open = new ArrayList<>();
        boolean netInventory = false;
        for (SourceFindings d : dev) {
            netInventory |= d.facts().services() != null;
            for (ServiceFact s : d.facts().services(ServiceFact.Kind.LISTENING)) {
                if (s.port() != null) {
                    String transport = s.transport() == null ? "tcp" : s.transport().toLowerCase(Locale.ROOT);
                    open.add(new OpenPort(d.inputName(), s.port(), transport, s.name()));
                }
            }
        }
        if (!fwInventory || !netInventory) {
            return List.of(Finding.notRun(SERVICES, "needs both " + FW_SERVICES + " (image) and " + NET_SERVICES
                    + " (device) findings; missing " + (!fwInventory ? FW_SERVICES : NET_SERVICES)));
        }
        Set<String> openKeys = new LinkedHashSet<>();
        open.forEach(p -> openKeys.add(p.key()));
        Set<String> explained = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>();
        List<Evidence> agreements = new ArrayList<>();
        List<String> agreed = new ArrayList<>();
        for (BootService b : boot) {
            List<String> ports = portsOf(b.name());
            if (ports == null) {
                continue;
            }
            explained.addAll(ports);
            List<String> seen = ports.stream().filter(openKeys::contains).toList();
            Evidence where = b.source() == null ? null
                    : new Evidence(b.source(), null, b.line(), "unit " + b.unit() + ": starts " + b.name(), null, null,
                    null, null, null, null, null);
            if (!seen.isEmpty()) {
                agreed.add(b.name() + " (" + String.join(", ", seen) + ")");
                if (where != null) {
                    agreements.add(where);
                }
            } else {
                out.add(new Finding(SERVICES, Outcome.WARNING, Severity.LOW, "the image starts " + b.name()
                        + " at boot but none of its usual ports (" + String.join(", ", ports)
                        + ") was found open on the device", where == null ? List.of() : List.of(where),
                        Map.of("service", b.name(), "ports", ports)));
            }
        }
        for (OpenPort p : open) {
            if (!explained.contains(p.key())) {
                out.add(new Finding(SERVICES, Outcome.WARNING, Severity.MEDIUM, "port " + p.key() + " ("
                        + (p.service() == null ? "unknown service" : p.service()) + ") is open on " + p.host()
                        + " but no boot service of the image explains it",
                        List.of(Evidence.network(p.host(), p.port(), p.transport(), null, null)),
                        Map.of("port", p.port(), "transport", p.transport())));
            } else {
                agreements.add(Evidence.network(p.host(), p.port(), p.transport(), null, null));
            }
        }
        if (!agreed.isEmpty() || out.isEmpty()) {
            out.add(0, new Finding(SERVICES, Outcome.INFO, null, agreed.isEmpty()
                    ? "compared " + boot.size() + " boot service(s) with " + open.size() + " open port(s): nothing to contrast"
                    : "image and device agree: " + String.join("; ", agreed), agreements, null));
        }
        return out;
    }

    private List<String> portsOf(String serviceName) {
        String base = serviceName;
        int slash = base.lastIndexOf('/');
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        return servicePorts.get(base.toLowerCase(Locale.ROOT));
    }

    // ---- keys -------------------------------------------------------------------------------------------

    private Finding keys(List<SourceFindings> fw, List<SourceFindings> dev) {
        Map<String, Evidence> imageKeys = new LinkedHashMap<>();
        for (SourceFindings u : fw) {
            for (Finding f : u.findings()) {
                if (CheckIds.matches("fw.key.*", f.check()) && f.outcome() != Outcome.NOT_RUN) {
                    for (Evidence e : f.evidence()) {
                        if (e.fingerprint() != null) {
                            imageKeys.putIfAbsent(e.fingerprint(), e.withExcerpt("unit " + u.inputName() + ": " + f.check()));
                        }
                    }
                }
            }
        }
        Map<String, Evidence> served = new LinkedHashMap<>();
        for (SourceFindings d : dev) {
            for (Finding f : only(d, NET_CERT)) {
                for (Evidence e : f.evidence()) {
                    if (e.fingerprint() != null) {
                        served.putIfAbsent(e.fingerprint(), e);
                    }
                }
            }
        }
        if (served.isEmpty()) {
            return Finding.notRun(KEYS, "the device served no certificate with a key fingerprint (" + NET_CERT + ")");
        }
        if (imageKeys.isEmpty()) {
            return Finding.notRun(KEYS, "no key with a fingerprint was found in the image (fw.key.*)");
        }
        List<Evidence> matches = new ArrayList<>();
        for (Map.Entry<String, Evidence> s : served.entrySet()) {
            Evidence inImage = imageKeys.get(s.getKey());
            if (inImage != null) {
                matches.add(s.getValue().withExcerpt(null));
                matches.add(inImage);
            }
        }
        if (!matches.isEmpty()) {
            return Finding.fail(KEYS, Severity.HIGH, "the device serves a certificate whose key is embedded in the"
                    + " firmware image: anyone with the image can impersonate the device", matches);
        }
        List<Evidence> lookedAt = new ArrayList<>(served.values());
        return Finding.of(KEYS, Outcome.INFO, "the " + served.size() + " served certificate key(s) are not among the "
                + imageKeys.size() + " key(s) found in the image", lookedAt);
    }

    // ---- credentials ------------------------------------------------------------------------------------

    private Finding credentials(List<SourceFindings> fw, List<SourceFindings> dev) {
        List<Finding> inImage = new ArrayList<>();
        fw.forEach(u -> only(u, FW_DEFAULT_PASSWORD).stream().filter(f -> f.outcome() == Outcome.FAIL).forEach(inImage::add));
        List<Finding> tried = new ArrayList<>();
        dev.forEach(d -> only(d, NET_DEFAULT_CREDENTIALS).stream()
                .filter(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.PASS).forEach(tried::add));
        if (tried.isEmpty()) {
            return Finding.notRun(CREDENTIALS, "no default-credential login was tried on the device ("
                    + NET_DEFAULT_CREDENTIALS + "; needs --intrusive)");
        }
        List<Finding> worked = tried.stream().filter(f -> f.outcome() == Outcome.FAIL).toList();
        List<Evidence> ev = new ArrayList<>();
        inImage.forEach(f -> ev.addAll(f.evidence()));
        worked.forEach(f -> ev.addAll(f.evidence()));
        if (!inImage.isEmpty() && !worked.isEmpty()) {
            return Finding.fail(CREDENTIALS, Severity.CRITICAL, "confirmed: the image holds a default password and a"
                    + " default login works on the device", ev);
        }
        if (!worked.isEmpty()) {
            return new Finding(CREDENTIALS, Outcome.WARNING, Severity.HIGH, "a default login works on the device,"
                    + " but the image analysis found no default password: the image may not be what the device runs",
                    ev, null);
        }
        if (!inImage.isEmpty()) {
            return new Finding(CREDENTIALS, Outcome.WARNING, Severity.MEDIUM, "the image holds a default password,"
                    + " but the default logins tried on the device were rejected", ev, null);
        }
        tried.forEach(f -> ev.addAll(f.evidence()));
        return Finding.of(CREDENTIALS, Outcome.INFO, "image and device agree: no default password in the image and"
                + " no default login accepted by the device", ev);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static List<Finding> only(SourceFindings s, String check) {
        return s.findings().stream().filter(f -> check.equals(f.check())).toList();
    }
}
