package org.iotb.firmware.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.elf.ElfHardening;
import org.iotb.firmware.elf.ElfHardening.Kind;
import org.iotb.firmware.elf.ElfInfo;
import org.iotb.firmware.elf.Relro;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * One hardening property over every ELF executable and shared library of the tree: one finding that lists
 * each binary lacking the property as evidence. Kernel modules and object files are not judged.
 */
public final class ElfHardeningCheck implements FirmwareCheck {

    /** The property judged; each maps to one stable check id. */
    public enum Property {
        PIE("fw.elf.pie"), NX("fw.elf.nx"), RELRO("fw.elf.relro"), CANARY("fw.elf.canary"),
        FORTIFY("fw.elf.fortify"), STRIPPED("fw.elf.stripped"), RPATH("fw.elf.rpath");

        final String id;

        Property(String id) {
            this.id = id;
        }
    }

    /** Per-binary judgement: FAIL / WARNING entries become evidence; null means not applicable. */
    private record Verdict(Outcome outcome, String why) { }

    private final Property property;

    public ElfHardeningCheck(Property property) {
        this.property = property;
    }

    public static List<FirmwareCheck> all() {
        List<FirmwareCheck> out = new ArrayList<>();
        for (Property p : Property.values()) {
            out.add(new ElfHardeningCheck(p));
        }
        return out;
    }

    @Override
    public String id() {
        return property.id;
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<ElfInfo> elves = ctx.elves().all();
        List<Evidence> failing = new ArrayList<>();
        List<Evidence> warning = new ArrayList<>();
        int judged = 0;
        int undetermined = 0;
        boolean anyFail = false;
        int badExecutables = 0;
        int badLibraries = 0;
        List<ElfInfo> ordered = new ArrayList<>(elves);
        // executables first: they matter most and must survive the evidence cap
        ordered.sort(java.util.Comparator.comparing((ElfInfo e) -> e.hardening().kind() != Kind.EXECUTABLE)
                .thenComparing(ElfInfo::path));
        for (ElfInfo e : ordered) {
            Kind kind = e.hardening().kind();
            if (kind != Kind.EXECUTABLE && kind != Kind.SHARED_LIBRARY) {
                continue;
            }
            Verdict v = judge(e.hardening());
            if (v == null) {
                continue;
            }
            if (v.outcome() == null) {
                undetermined++;
                continue;
            }
            judged++;
            if (v.outcome() != Outcome.PASS) {
                anyFail |= v.outcome() == Outcome.FAIL;
                if (kind == Kind.EXECUTABLE) {
                    badExecutables++;
                } else {
                    badLibraries++;
                }
                (v.outcome() == Outcome.FAIL ? failing : warning).add(Evidence.file(e.path()).withExcerpt(describe(e) + ": " + v.why()));
            }
        }
        failing.addAll(warning); // failing binaries first, then those that only warn
        String kinds = badExecutables + " executable(s), " + badLibraries + " shared librar" + (badLibraries == 1 ? "y" : "ies");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("judged", judged);
        data.put("undetermined", undetermined);
        data.put("lacking", failing.size());
        String scope = judged + " ELF file(s) judged" + (undetermined > 0 ? ", " + undetermined
                + " undeterminable (no symbol information)" : "");
        if (judged == 0) {
            String why = elves.isEmpty() ? "no ELF binaries in the tree"
                    : "no ELF binary to which " + property.id + " applies" + (undetermined > 0
                    ? " could be judged (" + undetermined + " without symbol information)" : "");
            return List.of(Finding.notRun(id(), why).withData(data));
        }
        if (failing.isEmpty()) {
            return List.of(Finding.pass(id(), scope + "; all have " + label(), List.of()).withData(data));
        }
        Outcome outcome = anyFail ? Outcome.FAIL : Outcome.WARNING;
        String msg = failing.size() + " of " + judged + (property == Property.PIE ? " executable(s) " : " ELF file(s) ")
                + problem() + " (" + (property == Property.PIE ? "" : kinds + "; ") + scope + ")";
        Severity severity = property == Property.STRIPPED && anyFail ? Severity.MEDIUM : severity();
        return List.of(new Finding(id(), outcome, severity, msg, Results.cap(failing), data));
    }

    private static String describe(ElfInfo e) {
        String kind = e.hardening().kind() == Kind.EXECUTABLE ? "executable" : "shared library";
        return e.machine() + " " + e.bits() + (e.bigEndian() ? "-bit BE " : "-bit LE ") + kind;
    }

    private String label() {
        return switch (property) {
            case PIE -> "PIE";
            case NX -> "a non-executable stack (NX)";
            case RELRO -> "full RELRO";
            case CANARY -> "stack canaries";
            case FORTIFY -> "FORTIFY_SOURCE";
            case STRIPPED -> "stripped symbol tables";
            case RPATH -> "no RPATH/RUNPATH";
        };
    }

    /** What the listed binaries have wrong, phrased so that "N of M ELF file(s) ..." reads as a sentence. */
    private String problem() {
        return switch (property) {
            case PIE -> "are not position independent (no PIE)";
            case NX -> "have an executable stack";
            case RELRO -> "lack full RELRO";
            case CANARY -> "show no stack-canary symbol";
            case FORTIFY -> "call fortifiable libc functions without their _chk variants";
            case STRIPPED -> "are not stripped";
            case RPATH -> "carry an RPATH/RUNPATH";
        };
    }

    private Severity severity() {
        return switch (property) {
            case PIE, NX, RELRO, CANARY -> Severity.MEDIUM;
            case RPATH -> Severity.MEDIUM;
            case FORTIFY, STRIPPED -> Severity.LOW;
        };
    }

    /** null = property not applicable; Verdict(null, ..) = undeterminable. */
    private Verdict judge(ElfHardening h) {
        switch (property) {
            case PIE:
                if (h.kind() != Kind.EXECUTABLE) {
                    return null;
                }
                return Boolean.TRUE.equals(h.pie()) ? new Verdict(Outcome.PASS, "")
                        : new Verdict(Outcome.FAIL, "not position independent (ET_EXEC)");
            case NX:
                if (h.nx()) {
                    return new Verdict(Outcome.PASS, "");
                }
                return new Verdict(Outcome.FAIL, h.gnuStack() ? "PT_GNU_STACK requests an RWX stack"
                        : "no PT_GNU_STACK header, so the loader maps the stack executable");
            case RELRO:
                if (h.staticLinked() && h.relro() == Relro.NO) {
                    return new Verdict(Outcome.FAIL, "no RELRO (statically linked, no PT_GNU_RELRO)");
                }
                return switch (h.relro()) {
                    case FULL -> new Verdict(Outcome.PASS, "");
                    case PARTIAL -> new Verdict(Outcome.WARNING, "partial RELRO (no BIND_NOW)");
                    case NO -> new Verdict(Outcome.FAIL, "no RELRO (no PT_GNU_RELRO)");
                };
            case CANARY:
                if (h.canary() == null) {
                    return new Verdict(null, "");
                }
                if (h.canary()) {
                    return new Verdict(Outcome.PASS, "");
                }
                // a library may legitimately have no function that needs a canary: warn, do not accuse
                return new Verdict(h.kind() == Kind.EXECUTABLE ? Outcome.FAIL : Outcome.WARNING,
                        "no __stack_chk_fail/__stack_chk_guard symbol");
            case FORTIFY:
                return switch (h.fortify()) {
                    case YES -> new Verdict(Outcome.PASS, "");
                    case NO -> new Verdict(Outcome.WARNING, h.fortifiable() + " fortifiable libc call(s), none"
                            + " through a _chk variant of the image's libc");
                    case UNKNOWN -> new Verdict(null, "");
                    case NOT_APPLICABLE -> null;
                };
            case STRIPPED:
                // full debug info hands out source file names, line tables, types and local variable names:
                // a fail; a bare symbol table only names functions: a warning
                if (h.debugInfo()) {
                    return new Verdict(Outcome.FAIL, "full debug info (" + String.join(", ", h.debugSections())
                            + (h.stripped() ? "" : ", .symtab") + ")");
                }
                return h.stripped() ? new Verdict(Outcome.PASS, "")
                        : new Verdict(Outcome.WARNING, "not stripped (.symtab present)");
            case RPATH:
                List<String> paths = new ArrayList<>(h.rpath());
                paths.addAll(h.runpath());
                paths.removeIf(String::isEmpty);
                if (paths.isEmpty()) {
                    return new Verdict(Outcome.PASS, "");
                }
                boolean risky = paths.stream().anyMatch(ElfHardeningCheck::riskySearchPath);
                return new Verdict(risky ? Outcome.FAIL : Outcome.WARNING,
                        (h.rpath().isEmpty() ? "RUNPATH " : "RPATH ") + String.join(":", paths));
            default:
                return null;
        }
    }

    /** Search paths an attacker may write to: relative, $ORIGIN-relative, empty, or under tmp/var/mnt/media. */
    static boolean riskySearchPath(String rpath) {
        for (String p : rpath.split(":", -1)) {
            if (p.isEmpty() || !p.startsWith("/") && !p.startsWith("$ORIGIN") || p.startsWith("/tmp") || p.startsWith("/var")
                    || p.startsWith("/mnt") || p.startsWith("/media") || p.startsWith("/home")
                    || p.contains("$ORIGIN/..")) {
                return true;
            }
        }
        return false;
    }
}
