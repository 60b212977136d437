package org.iotb.assess.ixit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.ImageFacts;
import org.iotb.model.Evidence;
import org.iotb.model.facts.ServiceFact;

/**
 * What an assessment of the firmware already tells about the IXIT tables, by table id: the services started at
 * boot (13 SoftServ), the interfaces and radios the image carries and its serial console (15 Intf), the SBOM's
 * components (6 SoftComp), the update tooling and paths (7 UpdMech), the accounts with passwords (1 AuthMech).
 * Each entry names its evidence; none is a claim of the supplier until the supplier confirms it.
 */
public final class IxitPrefill {
    private IxitPrefill() {
    }

    public static Map<String, List<IxitEntry>> of(Assessment a) {
        Map<String, List<IxitEntry>> out = new LinkedHashMap<>();
        if (a == null) {
            return out;
        }
        out.put("AuthMech", accounts(a));
        out.put("SoftComp", components(a));
        out.put("UpdMech", updates(a));
        out.put("SoftServ", services(a));
        out.put("Intf", interfaces(a));
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /** Accounts the credential checks looked at: one entry per account line. */
    private static List<IxitEntry> accounts(Assessment a) {
        Map<String, IxitEntry> byPlace = new LinkedHashMap<>();
        for (AssessedFinding f : a.findings()) {
            if (!f.check().startsWith("fw.cred.") || f.check().equals("fw.cred.hardcoded")) {
                continue;
            }
            for (Evidence e : f.evidence()) {
                if (e.path() == null || e.excerpt() == null || !e.excerpt().contains(":")) {
                    continue;
                }
                String account = e.excerpt().substring(0, e.excerpt().indexOf(':')).strip();
                String place = where(f.source(), e);
                byPlace.putIfAbsent(account + "@" + e.path(), new IxitEntry("password login of account '" + account
                        + "' (local system account)", place + " (" + f.check() + ")"));
            }
        }
        return new ArrayList<>(byPlace.values());
    }

    /** The SBOM's components, from the sbom.inventory finding of each image. */
    private static List<IxitEntry> components(Assessment a) {
        List<IxitEntry> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AssessedFinding f : a.findings()) {
            if (!f.check().equals("sbom.inventory") || !(f.data().get("components") instanceof List<?> list)) {
                continue;
            }
            for (Object o : list) {
                if (o instanceof Map<?, ?> c && c.get("name") != null) {
                    String name = c.get("name") + (c.get("version") == null ? "" : " " + c.get("version"));
                    if (seen.add(name)) {
                        Object purl = c.get("purl");
                        out.add(new IxitEntry(name + (purl == null ? "" : " (" + purl + ")"),
                                f.source() + ": SBOM, " + (c.get("source") == null ? "identified" : "from " + c.get("source"))
                                        + " (sbom.inventory)"));
                    }
                }
            }
        }
        return out;
    }

    /** Update tooling (fw.update.mechanism) and every update path the update checks found. */
    private static List<IxitEntry> updates(Assessment a) {
        List<IxitEntry> out = new ArrayList<>();
        for (AssessedFinding f : a.findings()) {
            if (f.check().equals("fw.update.mechanism") && f.data().get("tools") instanceof Map<?, ?> tools) {
                tools.forEach((tool, paths) -> out.add(new IxitEntry("update tooling: " + tool,
                        f.source() + ": " + paths + " (fw.update.mechanism)")));
            } else if (f.check().startsWith("fw.update.") && !f.check().equals("fw.update.mechanism")) {
                for (Evidence e : f.evidence()) {
                    if (e.path() != null) {
                        out.add(new IxitEntry("update path: " + (e.excerpt() == null ? e.path() : e.excerpt()),
                                where(f.source(), e) + " (" + f.check() + ")"));
                    }
                }
            }
        }
        return out;
    }

    /** Programs the image starts at boot. */
    private static List<IxitEntry> services(Assessment a) {
        List<IxitEntry> out = new ArrayList<>();
        for (ImageFacts image : a.images()) {
            for (ServiceFact s : image.services()) {
                out.add(new IxitEntry("service '" + s.name() + "' started at boot",
                        image.name() + ": " + s.source() + (s.line() == null ? "" : " line " + s.line())));
            }
        }
        return out;
    }

    /** Radio stacks and interfaces the image carries (fw.os.facts) and serial consoles (fw.os.serial-shell). */
    private static List<IxitEntry> interfaces(Assessment a) {
        List<IxitEntry> out = new ArrayList<>();
        for (AssessedFinding f : a.findings()) {
            if (f.check().equals("fw.os.facts")) {
                for (Evidence e : f.evidence()) {
                    if (e.excerpt() != null && e.excerpt().endsWith("-stack")) {
                        String radio = e.excerpt().substring(0, e.excerpt().length() - "-stack".length());
                        out.add(new IxitEntry(radio + " radio interface", where(f.source(), e) + " (fw.os.facts)"));
                    }
                }
            } else if (f.check().equals("fw.os.serial-shell") || f.check().equals("fw.os.bootdelay")) {
                for (Evidence e : f.evidence()) {
                    if (e.path() != null) {
                        out.add(new IxitEntry("serial console / boot loader prompt: " + (e.excerpt() == null ? "" : e.excerpt()),
                                where(f.source(), e) + " (" + f.check() + ")"));
                    }
                }
            }
        }
        return out;
    }

    private static String where(String source, Evidence e) {
        return source + ": " + e.path() + (e.line() == null ? "" : " line " + e.line());
    }
}
