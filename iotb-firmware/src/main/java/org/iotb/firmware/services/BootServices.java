package org.iotb.firmware.services;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * What an image starts at boot, for every init flavour found: busybox/sysvinit inittab (or BusyBox init's built-in
 * table when there is none), rcS and rc.local, init.d scripts enabled through rc?.d/rc.d links or S??-names
 * (busybox), OpenWrt procd (procd_set_param command) and rc.common START= scripts, systemd units enabled in *.wants,
 * inetd.conf and xinetd.d; the Ralink SDK's read-only /etc_ro/inittab and /etc_ro/rcS (copied to /etc at boot) stand in
 * when /etc has none. It follows what a shell does: scripts reached from a started script, files sourced with
 * {@code .}/{@code source}, {@code for i in /etc/init0.d/S??*} loops (any glob, {@code `ls GLOB`}, {@code find DIR
 * -name PAT}, {@code run-parts DIR}), and variables set from files of the image ({@code x=`cat /etc/config/x`}).
 * Only the first word of each shell command counts as a start, so {@code killall telnetd} or
 * {@code [ -x /usr/sbin/telnetd ]} are not mistaken for starting telnetd.
 *
 * <p>Firmware is hostile, so the walk is bounded: at most {@link #MAX_FILES} boot files, {@link #MAX_LINES} lines
 * per file, {@link #MAX_GLOB} files per glob and {@link #BUDGET_NANOS} of time; what is cut is listed in
 * {@link #limits()}.
 */
public final class BootServices {
    static final int MAX_FILES = 5000;
    static final int MAX_LINES = 20000;
    static final int MAX_GLOB = 500;
    static final long BUDGET_NANOS = 10_000_000_000L;

    private static final Pattern SPLIT = Pattern.compile("\\s*(?:;|&&|\\|\\||\\||&(?!&)|`|\\$\\(|\\bthen\\b|\\bdo\\b|\\belse\\b)\\s*");
    private static final Set<String> NOT_STARTS = Set.of("kill", "killall", "pkill", "[", "test", "echo", "printf",
            "if", "fi", "case", "esac", "for", "while", "done", "return", "exit", "local", "export", "grep", "cat",
            "rm", "mkdir", "ln", "cp", "mv", "chmod", "chown", "touch", "sleep", "which", "type", "command",
            "pidof", "pgrep", "logger", "[[", "!", "}", "{", "elif", "until", "sed", "awk", "cut", "true", "false",
            "uci", "config_get", "config_load", "mount", "umount", "insmod", "modprobe", "ifconfig", "ip", "route",
            "service_stop", "stop", "start-stop-daemon-stop", ":", "wait", "trap", "set", "shift", "read", "eval",
            "basename", "dirname", ".", "source", "start)", "stop)", "restart)", "esac;;", ";;", "head", "tail", "sort", "tr", "wc", "date", "hostname", "sysctl", "iptables");
    private static final Set<String> WRAPPERS = Set.of("exec", "nohup", "busybox", "env", "nice", "ionice",
            "setsid", "chroot", "sudo", "su", "taskset", "/bin/busybox", "start-stop-daemon", "procd_set_param",
            "service_start", "respawn", "daemonize", "runuser");
    /** {@code NAME=value}, optionally after export/local/readonly. */
    private static final Pattern ASSIGN = Pattern.compile("^(?:export\\s+|local\\s+|readonly\\s+)?([A-Za-z_]\\w*)=(.*)$");
    /** A value read from a file: {@code `cat FILE`} or {@code $(cat FILE)}, optionally quoted. */
    private static final Pattern CAT_FILE = Pattern.compile("^\"?(?:`\\s*cat\\s+([^`\\s;|]+)\\s*`|\\$\\(\\s*cat\\s+([^)\\s;|]+)\\s*\\))\"?$");
    /** The word list of a for loop. */
    private static final Pattern FOR_IN = Pattern.compile("\\bfor\\s+\\w+\\s+in\\s+(.+?)(?:;|\\s+do\\b|$)");
    private static final Pattern FIND_NAME = Pattern.compile("\\bfind\\s+(/\\S+)\\s+(?:-\\w+\\s+\\S+\\s+)*?-name\\s+['\"]?([^'\"\\s)`]+)");
    private static final Pattern RUN_PARTS = Pattern.compile("(?:^|[\\s;])run-parts\\s+(?:-\\S+\\s+)*(/\\S+)");
    private static final Pattern FIXED_LOGIN = Pattern.compile("(?:^|\\s)-u\\s+['\"]?([^\\s'\":$]+):([^\\s'\"]+)['\"]?(?=\\s|$)");
    /** Shell function libraries: sourced or globbed, they define functions and hooks, they start nothing. */
    private static final Pattern LIBRARY_DIR = Pattern.compile("(?:^|\\s)/+(?:lib|usr/lib|usr/share)/");
    /** A symbol of a vendor inetd manager (ATP_MIC_InetdLaunchApp, InetdMngrInit). */
    private static final Pattern VENDOR_INETD = Pattern.compile("Inetd(?:Launch|Mngr|Manager|Start)");
    private static final Set<String> TELNET_DAEMONS = Set.of("telnetd", "utelnetd", "in.telnetd");

    private final List<BootCommand> commands;
    private final List<String> sources;
    private final List<BootLine> bootLines;
    private final List<ConsoleEntry> consoles;
    private final Map<String, List<BootVariable>> variables;
    private final List<String> limits;

    private BootServices(Builder b) {
        this.commands = List.copyOf(b.commands);
        this.sources = List.copyOf(b.read);
        this.bootLines = List.copyOf(b.lines);
        this.consoles = List.copyOf(b.consoles);
        Map<String, List<BootVariable>> v = new LinkedHashMap<>();
        b.variables.forEach((k, list) -> v.put(k, List.copyOf(list)));
        this.variables = v;
        this.limits = List.copyOf(b.limits);
    }

    /** Every command started at boot. */
    public List<BootCommand> commands() {
        return commands;
    }

    /** Boot configuration files that were read (empty = no init system found). */
    public List<String> sources() {
        return sources;
    }

    /** Lines of every started script and inittab entry, for checks that read boot behaviour directly. */
    public record BootLine(String source, int line, String text) { }

    public List<BootLine> bootLines() {
        return bootLines;
    }

    /** What init runs on terminals (inittab entries, or BusyBox init's built-in table when there is no inittab). */
    public List<ConsoleEntry> consoles() {
        return consoles;
    }

    /** Variables the boot scripts set, by name, in the order they were read. */
    public Map<String, List<BootVariable>> variables() {
        return variables;
    }

    /** Bounds that cut the walk short (empty when the whole boot configuration was read). */
    public List<String> limits() {
        return limits;
    }

    /**
     * The value of {@code $name} as the command at {@code source}:{@code line} sees it: the last assignment before
     * that line in the same file, else the one value every other boot file agrees on; empty when unknown.
     */
    public Optional<BootVariable> variable(String name, String source, int line) {
        List<BootVariable> all = variables.getOrDefault(name, List.of());
        BootVariable same = null;
        for (BootVariable v : all) {
            if (v.source().equals(source) && v.line() < line) {
                same = v;
            }
        }
        if (same != null) {
            return Optional.of(same);
        }
        Set<String> values = new LinkedHashSet<>();
        for (BootVariable v : all) {
            values.add(v.value());
        }
        return values.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /**
     * Logins fixed by boot commands: a telnet daemon started with {@code -u user:password}, the password written
     * in the command or taken from a variable the boot scripts set (from a file of the image or a literal).
     */
    public List<FixedLogin> fixedLogins() {
        List<FixedLogin> out = new ArrayList<>();
        for (BootCommand c : commands) {
            if (!TELNET_DAEMONS.contains(c.program())) {
                continue;
            }
            Matcher m = FIXED_LOGIN.matcher(c.command());
            if (!m.find()) {
                continue;
            }
            String user = m.group(1);
            String expr = m.group(2);
            Matcher var = Pattern.compile("^\\$\\{?([A-Za-z_]\\w*)\\}?$").matcher(expr);
            if (var.matches()) {
                Optional<BootVariable> v = variable(var.group(1), c.source(), c.line());
                if (v.isPresent() && !v.get().value().isEmpty()) {
                    out.add(new FixedLogin(c.program(), user, v.get().value(), v.get().file(), c.source(), c.line(),
                            c.command()));
                }
            } else if (!expr.contains("$") && !expr.contains("`")) {
                out.add(new FixedLogin(c.program(), user, expr, null, c.source(), c.line(), c.command()));
            }
        }
        return out;
    }

    public static BootServices discover(FileTree tree) {
        Builder b = new Builder(tree);
        b.run();
        return new BootServices(b);
    }

    private static final class Builder {
        final FileTree tree;
        final List<BootCommand> commands = new ArrayList<>();
        final Set<String> read = new LinkedHashSet<>();
        final List<BootLine> lines = new ArrayList<>();
        final List<ConsoleEntry> consoles = new ArrayList<>();
        final Map<String, List<BootVariable>> variables = new LinkedHashMap<>();
        final List<String> limits = new ArrayList<>();
        final Deque<TreeFile> queue = new ArrayDeque<>();
        final long deadline = System.nanoTime() + BUDGET_NANOS;

        Builder(FileTree tree) {
            this.tree = tree;
        }

        void run() {
            Optional<TreeFile> inittab = tree.resolve("etc/inittab").or(() -> tree.resolve("etc_ro/inittab"));
            if (inittab.isPresent()) {
                inittab(inittab.get());
            } else {
                BusyBoxInit.builtInTable(tree).forEach(consoles::add);
            }
            for (String p : List.of("etc/init.d/rcS", "etc/rc.local", "etc/rc.d/rc.local", "etc/init.d/rc.local",
                    "etc/rcS", "etc/rc", "etc/init.d/rc", "etc/rc.d/rcS")) {
                tree.resolve(p).ifPresent(this::enqueue);
            }
            if (queue.isEmpty()) {
                // the Ralink SDK keeps its boot files read-only in /etc_ro and copies them to /etc (made at run time)
                tree.resolve("etc_ro/rcS").ifPresent(this::enqueue);
            }
            boolean rcDirs = false;
            for (TreeFile f : tree.files()) {
                // no links followed: rc?.d entries are usually symlinks, which the tree records separately
                if (f.path().matches("etc/(rc\\.d|rc[0-9S]\\.d|init\\.d/rc[0-9S]\\.d)/S[^/]*")) {
                    enqueue(f);
                    rcDirs = true;
                }
            }
            for (var e : tree.links().entrySet()) {
                if (e.getKey().matches("etc/(rc\\.d|rc[0-9S]\\.d)/S[^/]*")) {
                    rcDirs = true;
                    tree.resolve(e.getKey()).ifPresent(this::enqueue);
                }
            }
            boolean haveInit = !read.isEmpty() || !queue.isEmpty();
            for (TreeFile f : tree.files(f -> f.path().matches("etc/init\\.d/S[0-9][0-9][^/]*"))) {
                enqueue(f); // busybox rcS convention
                haveInit = true;
            }
            if (!haveInit && !rcDirs) {
                // init.d scripts with no visible enabling mechanism: assume enabled (OpenWrt fragments, bare trees)
                for (TreeFile f : tree.files(f -> f.path().matches("etc/init\\.d/[^/]+"))) {
                    enqueue(f);
                }
            } else if (!rcDirs && !anyUnder("etc/rc.d/")) {
                // OpenWrt's rc.common enables a START= script when its package is installed; an image without any
                // etc/rc.d entry (links made on first boot) still starts them
                for (TreeFile f : tree.files(f -> f.path().matches("etc/init\\.d/[^/]+") && f.isText()
                        && f.size() < 200_000 && isRcCommonStart(f))) {
                    enqueue(f);
                }
            }
            systemd();
            while (!queue.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    limits.add("time budget: " + queue.size() + " boot file(s) not read");
                    queue.clear();
                    break;
                }
                script(queue.poll());
            }
            inetd(); // after the scripts: its entries only run when something starts inetd
        }

        boolean anyUnder(String dir) {
            return !tree.files(f -> f.path().startsWith(dir)).isEmpty()
                    || tree.links().keySet().stream().anyMatch(p -> p.startsWith(dir));
        }

        boolean isRcCommonStart(TreeFile f) {
            List<String> ls = tree.lines(f);
            boolean rcCommon = ls.stream().limit(5).anyMatch(l -> l.contains("/etc/rc.common"));
            return rcCommon && ls.stream().anyMatch(l -> l.strip().matches("START=\\d+"));
        }

        void enqueue(TreeFile f) {
            if (read.size() >= MAX_FILES) {
                if (limits.stream().noneMatch(l -> l.startsWith("file limit"))) {
                    limits.add("file limit: more than " + MAX_FILES + " boot files");
                }
                return;
            }
            if (read.add(f.path())) {
                queue.add(f);
            }
        }

        void inittab(TreeFile f) {
            read.add(f.path());
            List<String> ls = tree.lines(f);
            for (int i = 0; i < ls.size() && i < MAX_LINES; i++) {
                String l = ls.get(i).strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] p = l.split(":", 4);
                if (p.length < 4) {
                    continue;
                }
                String action = p[2];
                String cmd = p[3].strip();
                if (!action.equals("sysinit") && !action.equals("shutdown") && !action.equals("ctrlaltdel")) {
                    consoles.add(new ConsoleEntry(p[0].strip(), action, cmd, f.path(), i + 1, false));
                }
                if (action.equals("ctrlaltdel") || action.equals("shutdown") || action.equals("restart")
                        || action.equals("powerfail") || action.equals("off")) {
                    continue;
                }
                lines.add(new BootLine(f.path(), i + 1, l));
                String prog = firstProgram(cmd.startsWith("-") ? cmd.substring(1) : cmd);
                if (prog != null) {
                    commands.add(new BootCommand(prog, cmd, f.path(), i + 1, "inittab"));
                    followScript(cmd);
                }
            }
        }

        void script(TreeFile f) {
            if (!f.isText()) {
                return;
            }
            List<String> ls = tree.lines(f);
            boolean procd = ls.stream().anyMatch(l -> l.contains("USE_PROCD"));
            if (ls.size() > MAX_LINES) {
                limits.add("line limit: " + f.path() + " read to line " + MAX_LINES);
            }
            for (int i = 0; i < ls.size() && i < MAX_LINES; i++) {
                String l = ls.get(i).length() > 4096 ? ls.get(i).substring(0, 4096) : ls.get(i);
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                lines.add(new BootLine(f.path(), i + 1, t));
                assignment(f, i + 1, t);
                loops(t);
                if (t.matches("^\\w+\\s*\\(\\)\\s*\\{?$") || t.startsWith("function ")) {
                    continue; // function header
                }
                for (String seg : SPLIT.split(t)) {
                    String prog = firstProgram(seg);
                    if (prog == null) {
                        // a sourced file runs in this shell; function libraries (/lib, /usr/lib, /usr/share:
                        // OpenWrt's functions.sh, jshn.sh) only define functions, so they are not read
                        if (seg.matches("(?:\\.|source)\\s+/.*") && !LIBRARY_DIR.matcher(seg).find()) {
                            followScript(seg.replaceFirst("^(?:\\.|source)\\s+", ""));
                        }
                        continue;
                    }
                    String via = procd ? "procd" : f.path().matches("etc/(init\\.d|rc\\.d|rc[0-9S]\\.d)/.*")
                            ? "init.d" : "boot-script";
                    if (isDaemonCandidate(prog, seg)) {
                        commands.add(new BootCommand(prog, seg.strip(), f.path(), i + 1, via));
                    }
                    followScript(seg);
                }
            }
        }

        /** Records {@code NAME=value}: a literal, or the first line of an image file read with cat. */
        void assignment(TreeFile f, int line, String t) {
            Matcher m = ASSIGN.matcher(t);
            if (!m.matches()) {
                return;
            }
            String raw = m.group(2).strip();
            String value = null;
            String file = null;
            Matcher cat = CAT_FILE.matcher(raw);
            if (cat.matches()) {
                String path = cat.group(1) != null ? cat.group(1) : cat.group(2);
                Optional<TreeFile> src = path.startsWith("/") ? tree.resolve(path) : Optional.empty();
                if (src.isPresent() && src.get().size() <= 4096) {
                    List<String> content = tree.lines(src.get());
                    value = content.isEmpty() ? "" : content.get(0).strip();
                    file = src.get().path();
                }
            } else if (raw.matches("\"[^\"$`\\\\]*\"|'[^']*'|[^\\s\"'$`;|&()<>\\\\]*")) {
                value = raw.length() >= 2 && (raw.startsWith("\"") || raw.startsWith("'"))
                        ? raw.substring(1, raw.length() - 1) : raw;
            }
            if (value != null) {
                variables.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new BootVariable(m.group(1), value, f.path(), line, file));
            }
        }

        /** Scripts a loop runs: {@code for i in GLOB}, {@code `ls GLOB`}, {@code find DIR -name PAT}, run-parts. */
        void loops(String t) {
            Matcher find = FIND_NAME.matcher(t);
            boolean loop = t.contains("for ") || t.contains("run-parts");
            if (find.find() && loop) {
                glob(find.group(1).replaceAll("/+$", "") + "/" + find.group(2).replace("\\", ""));
            }
            Matcher parts = RUN_PARTS.matcher(t);
            if (parts.find()) {
                glob(parts.group(1).replaceAll("/+$", "") + "/*");
            }
            Matcher m = FOR_IN.matcher(t);
            if (!m.find()) {
                return;
            }
            for (String word : m.group(1).replace("`", " ").replace("$(", " ").replace(")", " ").split("\\s+")) {
                String w = word.replaceAll("^[\"']|[\"']$", "");
                if (w.startsWith("/") && (w.contains("*") || w.contains("?") || w.contains("["))) {
                    glob(w);
                }
            }
        }

        /**
         * Enqueues the text files a shell glob names (sorted, as the shell expands it); $VARs match anything. Globs
         * into function libraries (/lib, /usr/lib, /usr/share: OpenWrt's mount_root sourcing /lib/preinit/*, which
         * only defines preinit and failsafe hooks) are not followed, as sourced libraries are not.
         */
        void glob(String pattern) {
            if (LIBRARY_DIR.matcher(pattern).find()) {
                return;
            }
            Pattern re = globRegex(pattern);
            List<String> names = new ArrayList<>();
            for (TreeFile f : tree.files(f -> re.matcher(f.path()).matches())) {
                names.add(f.path());
            }
            for (String link : tree.links().keySet()) {
                if (re.matcher(link).matches()) {
                    names.add(link);
                }
            }
            names.sort(null);
            if (names.size() > MAX_GLOB) {
                limits.add("glob limit: " + pattern + " names " + names.size() + " files, " + MAX_GLOB + " read");
                names = names.subList(0, MAX_GLOB);
            }
            for (String n : names) {
                tree.resolve(n).filter(x -> x.isText() && x.size() < 2_000_000).ifPresent(this::enqueue);
            }
        }

        /** Script paths mentioned as commands ("/etc/init.d/x start", ". /lib/functions.sh") are read too. */
        void followScript(String seg) {
            Matcher m = Pattern.compile("(?:^|\\s|\\.\\s)(/(?:etc|usr|sbin|bin|lib|opt|mnt|var|home)[^\\s;&|'\"]*)")
                    .matcher(seg);
            while (m.find()) {
                if (m.group(1).contains("*") || m.group(1).contains("?") || m.group(1).contains("$")) {
                    continue; // a glob or a variable, not a file (globs: loops())
                }
                Optional<TreeFile> f = tree.resolve(m.group(1));
                if (f.isPresent() && f.get().isText() && f.get().size() < 2_000_000) {
                    enqueue(f.get());
                }
            }
        }

        void systemd() {
            for (var e : tree.links().entrySet()) {
                if (e.getKey().matches("(etc|lib|usr/lib)/systemd/system/[^/]+\\.wants/[^/]+\\.service")) {
                    tree.resolve(e.getKey()).ifPresent(this::unit);
                }
            }
            for (TreeFile f : tree.files(f -> f.path().matches("(etc|lib|usr/lib)/systemd/system/[^/]+\\.wants/[^/]+\\.service"))) {
                unit(f);
            }
        }

        void unit(TreeFile f) {
            if (!read.add(f.path())) {
                return;
            }
            List<String> ls = tree.lines(f);
            for (int i = 0; i < ls.size() && i < MAX_LINES; i++) {
                String t = ls.get(i).strip();
                if (t.startsWith("ExecStart=")) {
                    String cmd = t.substring("ExecStart=".length()).replaceFirst("^[-@:+!]+", "");
                    lines.add(new BootLine(f.path(), i + 1, t));
                    String prog = firstProgram(cmd);
                    if (prog != null) {
                        commands.add(new BootCommand(prog, cmd, f.path(), i + 1, "systemd"));
                    }
                }
            }
        }

        /**
         * inetd.conf lists what inetd would serve, not what runs: its entries count when a boot command starts
         * inetd, when the image installs an inetd program (vendor daemons start it without a visible script: the
         * Huawei HG532e), or when no init configuration is visible at all (an /etc fragment). The 2009 Broadcom
         * rootfs ships an inetd.conf with ftp and telnet but its rcS has "#/sbin/inetd" and no inetd binary.
         */
        void inetd() {
            boolean initVisible = !read.isEmpty();
            boolean inetdStarted = commands.stream().anyMatch(c -> c.program().equals("inetd"));
            String installed = inetdProgram();
            String vendor = initVisible && !inetdStarted && installed == null && !inetdCommentedOut()
                    && tree.file("etc/inetd.conf").isPresent() ? vendorInetd() : null;
            tree.resolve("etc/inetd.conf").ifPresent(f -> {
                read.add(f.path());
                if (initVisible && !inetdStarted && installed == null && vendor == null) {
                    return;
                }
                String note = inetdStarted || !initVisible ? "" : installed != null
                        ? " (inetd installed at " + installed + ")"
                        : " (via inetd.conf; inetd started outside the boot scripts: an inetd manager in " + vendor + ")";
                List<String> ls = tree.lines(f);
                for (int i = 0; i < ls.size() && i < MAX_LINES; i++) {
                    String t = ls.get(i).strip();
                    if (t.isEmpty() || t.startsWith("#")) {
                        continue;
                    }
                    String[] p = t.split("\\s+");
                    if (p.length >= 6) {
                        String server = p[5];
                        String args = p.length > 6 ? String.join(" ", java.util.Arrays.copyOfRange(p, 6, p.length)) : "";
                        String prog = base(server.equals("internal") ? p[0] : server);
                        if (prog.equals("tcpd") && p.length > 6) {
                            prog = base(p[6]);
                        }
                        commands.add(new BootCommand(prog, p[0] + " " + server + " " + args + note, f.path(), i + 1,
                                "inetd"));
                        lines.add(new BootLine(f.path(), i + 1, t));
                    }
                }
            });
            for (TreeFile f : tree.files(f -> f.path().matches("etc/xinetd\\.d/[^/]+"))) {
                read.add(f.path());
                List<String> ls = tree.lines(f);
                String server = null;
                int serverLine = 0;
                boolean disabled = false;
                for (int i = 0; i < ls.size() && i < MAX_LINES; i++) {
                    String t = ls.get(i).strip();
                    Matcher m = Pattern.compile("^server\\s*=\\s*(\\S+)").matcher(t);
                    if (m.find()) {
                        server = m.group(1);
                        serverLine = i + 1;
                    }
                    if (t.matches("disable\\s*=\\s*yes")) {
                        disabled = true;
                    }
                }
                if (server != null && !disabled) {
                    commands.add(new BootCommand(base(server), server, f.path(), serverLine, "xinetd"));
                    lines.add(new BootLine(f.path(), serverLine, "server = " + server));
                }
            }
        }

        /** A boot file that names inetd only in a comment ("#/sbin/inetd"): someone switched it off. */
        boolean inetdCommentedOut() {
            for (String src : read) {
                Optional<TreeFile> f = tree.file(src);
                if (f.isPresent() && f.get().isText()
                        && tree.lines(f.get()).stream().anyMatch(l -> l.strip().matches("#.*\\binetd\\b.*"))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A vendor program that runs inetd.conf itself, named by its strings (Huawei ATP's bin/mic exports
         * ATP_MIC_InetdLaunchApp and is started by the vendor's cms, not by a boot script); BusyBox is left out (its
         * applet list names inetd whether or not it is linked: an applet counts through its link only).
         */
        String vendorInetd() {
            for (TreeFile f : tree.files(f -> f.path().matches("(?:usr/)?s?bin/[^/]+") && f.kind() == FileKind.ELF
                    && !f.name().startsWith("busybox") && f.size() < 4_000_000)) {
                if (tree.strings(f).stream().anyMatch(h -> VENDOR_INETD.matcher(h.text()).find())) {
                    return f.path();
                }
            }
            return null;
        }

        /** Where the image installs an inetd program (a file or a busybox applet link), or null. */
        String inetdProgram() {
            for (String p : List.of("usr/sbin/inetd", "sbin/inetd", "bin/inetd", "usr/bin/inetd")) {
                if (tree.file(p).isPresent() || tree.links().containsKey(p)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** A shell glob as a regex over tree paths (no leading '/'); a $VAR or ${VAR} matches any name part. */
    static Pattern globRegex(String glob) {
        String g = glob.replaceAll("^/+", "").replaceAll("\\$\\{?\\w+\\}?", "*");
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = g.indexOf(']', i + 1);
                    if (end > i) {
                        String set = g.substring(i + 1, end).replace("\\", "\\\\");
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = end;
                    } else {
                        re.append("\\[");
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** A started program worth listing: anything run from a boot line except shell plumbing. */
    static boolean isDaemonCandidate(String prog, String seg) {
        return !prog.isEmpty() && !prog.contains("=") && !prog.startsWith("$") && !prog.startsWith("-");
    }

    /** The basename of the program a command segment starts, skipping wrappers and variable assignments. */
    public static String firstProgram(String segment) {
        String[] words = segment.strip().split("\\s+");
        int i = 0;
        while (i < words.length) {
            String w = words[i].replaceAll("^[\"'(]+|[\"')]+$", "");
            if (w.isEmpty() || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
                continue;
            }
            if (WRAPPERS.contains(w) || WRAPPERS.contains(base(w))) {
                i++;
                // skip the wrapper's options (start-stop-daemon -S -b -x prog, procd_set_param command prog)
                while (i < words.length && (words[i].startsWith("-") || words[i].equals("command")
                        || words[i].equals("-S"))) {
                    String opt = words[i];
                    i++;
                    if ((opt.equals("-x") || opt.equals("--exec") || opt.equals("-a") || opt.equals("--startas"))
                            && i < words.length) {
                        return base(words[i]);
                    }
                    if ((opt.equals("-p") || opt.equals("--pidfile") || opt.equals("-c") || opt.equals("-u")
                            || opt.equals("-n") || opt.equals("--name"))
                            && i < words.length) {
                        i++;
                    }
                }
                continue;
            }
            String b = base(w);
            if (NOT_STARTS.contains(b) || b.startsWith("$") || b.equals("then") || b.equals("do")) {
                return null;
            }
            return b;
        }
        return null;
    }

    static String base(String path) {
        String p = path.replaceAll("[\"';)]+$", "");
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
