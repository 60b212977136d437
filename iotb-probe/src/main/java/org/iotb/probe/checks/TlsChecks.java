package org.iotb.probe.checks;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.tls.CertificateInspector;
import org.iotb.probe.tls.CipherSuite;
import org.iotb.probe.tls.JsseChainReader;
import org.iotb.probe.tls.TlsGrading;
import org.iotb.probe.tls.TlsReport;
import org.iotb.probe.tls.TlsScanner;

/**
 * net.tls.legacy-protocol, net.tls.weak-cipher and net.tls.certificate, from one raw audit per TLS port. Suites
 * are graded by data/tls-grading.yaml: fail what the cited sources reject, warn what they discourage (static RSA
 * key exchange, CBC with SHA-1).
 */
public final class TlsChecks implements DeviceCheck {
    public static final String LEGACY = "net.tls.legacy-protocol";
    public static final String WEAK = "net.tls.weak-cipher";
    public static final String CERT = "net.tls.certificate";

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public List<String> checkIds() {
        return List.of(LEGACY, WEAK, CERT);
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        List<Service> tls = ctx.services.stream().filter(Service::tls).toList();
        if (tls.isEmpty()) {
            return checkIds().stream().map(id -> Finding.notRun(id, "no TLS service found")).toList();
        }
        List<Finding> out = new ArrayList<>();
        for (Service s : tls) {
            TlsReport r = new TlsScanner(ctx.address(), s.port(), ctx.target.name(), ctx.options.connectMillis(),
                    ctx.options.readMillis(), ctx.deadline).audit();
            if (!r.complete()) {
                ctx.warn("TLS audit of port " + s.port() + " was cut short by the time budget");
            }
            out.add(legacy(ctx, s, r));
            out.add(weak(ctx, s, r));
            out.add(certificate(ctx, s, r));
        }
        return out;
    }

    static Finding legacy(ProbeContext ctx, Service s, TlsReport r) {
        List<String> old = r.protocols().stream().filter(p -> p.startsWith("SSL") || p.equals("TLSv1.0")
                || p.equals("TLSv1.1")).toList();
        Map<String, Object> data = Map.of("port", s.port(), "protocols", r.protocols());
        String tested = "offered SSLv3, TLS 1.0, 1.1, 1.2 and 1.3 ClientHellos";
        if (r.protocols().isEmpty()) {
            return Finding.notRun(LEGACY, "port " + s.port() + " completed no TLS handshake (" + tested + ")");
        }
        List<Evidence> ev = r.protocols().stream()
                .map(p -> Ev.of(ctx, s, "tls", "ClientHello " + p, r.evidence().get(p))).toList();
        if (old.isEmpty()) {
            return Finding.pass(LEGACY, "port " + s.port() + " accepts only " + String.join(", ", r.protocols())
                    + " (" + tested + ")", ev).withData(data);
        }
        Severity sev = old.contains("SSLv3") ? Severity.HIGH : Severity.MEDIUM;
        return Finding.fail(LEGACY, sev, "port " + s.port() + " accepts legacy " + String.join(", ", old), ev)
                .withData(data);
    }

    static Finding weak(ProbeContext ctx, Service s, TlsReport r) {
        if (r.protocols().isEmpty()) {
            return Finding.notRun(WEAK, "port " + s.port() + " completed no TLS handshake");
        }
        Map<String, List<String>> weakByProto = new LinkedHashMap<>();
        Map<String, List<String>> discouragedByProto = new LinkedHashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        Set<String> warnLabels = new LinkedHashSet<>();
        boolean anyAead = false;
        boolean serious = false;
        Map<String, Object> all = new LinkedHashMap<>();
        for (var e : r.ciphers().entrySet()) {
            all.put(e.getKey(), e.getValue().stream().map(CipherSuite::iana).toList());
            for (CipherSuite c : e.getValue()) {
                anyAead |= c.aead();
                List<String> w = c.weaknesses();
                if (!w.isEmpty()) {
                    weakByProto.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(c.iana());
                    labels.addAll(w);
                    serious |= !(w.size() == 1 && w.contains("3des"));
                }
                // TLS 1.3 suites are all AEAD with ephemeral key exchange; the discouraged labels are about 1.2-
                List<String> d = c.discouraged();
                if (w.isEmpty() && !d.isEmpty()) {
                    discouragedByProto.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(c.iana()
                            + " (" + String.join(", ", d) + ")");
                    warnLabels.addAll(d);
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("port", s.port());
        data.put("ciphers", all);
        data.put("weak", weakByProto);
        data.put("discouraged", discouragedByProto);
        data.put("sources", sources(labels, warnLabels));
        List<Evidence> ev = new ArrayList<>();
        weakByProto.forEach((p, list) -> ev.add(Ev.of(ctx, s, "tls", "ClientHello " + p + " offering each suite",
                "accepted: " + String.join(", ", list))));
        int count = r.ciphers().values().stream().mapToInt(List::size).sum();
        if (!weakByProto.isEmpty()) {
            return Finding.fail(WEAK, serious ? Severity.HIGH : Severity.MEDIUM, "port " + s.port()
                    + " accepts weak cipher suites (" + String.join(", ", labels) + ")", ev).withData(data);
        }
        String lookedAt = count + " accepted suite(s) over " + String.join(", ", r.protocols());
        if (!discouragedByProto.isEmpty()) {
            discouragedByProto.forEach((p, list) -> ev.add(Ev.of(ctx, s, "tls", "ClientHello " + p
                    + " offering each suite", "accepted: " + String.join(", ", list) + "; graded by "
                    + String.join(" | ", sources(Set.of(), warnLabels).values()))));
            return new Finding(WEAK, Outcome.WARNING, Severity.LOW, "port " + s.port()
                    + " accepts discouraged cipher suites (" + String.join(", ", warnLabels) + ": "
                    + String.join("; ", sources(Set.of(), warnLabels).values()) + ")", ev, data);
        }
        if (!anyAead) {
            ev.add(Ev.of(ctx, s, "tls", "ClientHello per protocol", lookedAt + ", none AEAD"));
            return new Finding(WEAK, Outcome.WARNING, Severity.LOW, "port " + s.port()
                    + " offers only CBC-mode suites (no AES-GCM/ChaCha20/CCM)", ev, data);
        }
        ev.add(Ev.of(ctx, s, "tls", "ClientHello per protocol offering every known suite", lookedAt));
        return Finding.pass(WEAK, "port " + s.port() + ": no NULL, anonymous, export, RC4, DES, 3DES, IDEA or MD5"
                + " suite and none without forward secrecy or with CBC-SHA1 among " + lookedAt, ev).withData(data);
    }

    /** label → cited source (data/tls-grading.yaml), for the finding's data and message. */
    static Map<String, String> sources(Set<String> failLabels, Set<String> warnLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Set<String> set : List.of(failLabels, warnLabels)) {
            for (String l : set) {
                TlsGrading.Grade g = TlsGrading.byLabel(l);
                if (g != null) {
                    m.put(l, g.source());
                }
            }
        }
        return m;
    }

    static Finding certificate(ProbeContext ctx, Service s, TlsReport r) {
        List<byte[]> chain = r.certificates();
        String how = "Certificate message of a TLS 1.2-or-older handshake";
        if (chain.isEmpty()) {
            chain = JsseChainReader.read(ctx.address(), s.port(), ctx.options.readMillis(), ctx.deadline);
            how = "TLS 1.3 handshake through the JDK (certificate read, not trusted)";
        }
        if (chain.isEmpty()) {
            return Finding.notRun(CERT, "port " + s.port() + ": no certificate could be read");
        }
        try {
            CertificateInspector.Inspection i = CertificateInspector.inspect(CertificateInspector.parse(chain.get(0)),
                    new Date());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("port", s.port());
            data.put("subject", i.cert().getSubjectX500Principal().getName());
            data.put("issuer", i.cert().getIssuerX500Principal().getName());
            data.put("notBefore", i.cert().getNotBefore().toInstant().toString());
            data.put("notAfter", i.cert().getNotAfter().toInstant().toString());
            data.put("sha256", i.sha256());
            data.put("publicKeySha256", i.publicKeySha256());
            data.put("key", i.keyType() + " " + i.keyBits());
            data.put("signatureAlgorithm", i.signatureAlgorithm());
            data.put("selfSigned", i.selfSigned());
            data.put("problems", i.problems());
            Evidence ev = Ev.of(ctx, s, "tls", how, "subject=" + data.get("subject") + " issuer=" + data.get("issuer")
                    + " notAfter=" + data.get("notAfter") + " key=" + data.get("key") + " sig="
                    + i.signatureAlgorithm()).withFingerprint(i.sha256());
            if (!i.problems().isEmpty()) {
                return Finding.fail(CERT, Severity.MEDIUM, "port " + s.port() + " serves a certificate with problems: "
                        + String.join("; ", i.problems()) + (i.selfSigned() ? "; self-signed" : ""), List.of(ev))
                        .withData(data);
            }
            if (i.selfSigned()) {
                return new Finding(CERT, Outcome.WARNING, Severity.LOW, "port " + s.port()
                        + " serves a self-signed certificate (otherwise valid, " + data.get("key") + ")", List.of(ev),
                        data);
            }
            return Finding.pass(CERT, "port " + s.port() + " certificate is in date, " + data.get("key") + ", "
                    + i.signatureAlgorithm() + ", issued by " + data.get("issuer"), List.of(ev)).withData(data);
        } catch (Exception e) {
            return new Finding(CERT, Outcome.ERROR, null, "port " + s.port() + ": unreadable certificate: "
                    + e.getMessage(), List.of(), null);
        }
    }
}
