package org.iotb.firmware.services;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * What an image starts at boot, for every init flavour found: busybox/sysvinit inittab, rcS and rc.local,
 * init.d scripts enabled through rc?.d/rc.d links or S??-names (busybox), OpenWrt procd (procd_set_param
 * command), systemd units enabled in *.wants, inetd.conf and xinetd.d. Scripts reached from a started script
 * are followed (with a visited set). Only the first word of each shell command counts as a start, so
 * `killall telnetd` or `[ -x /usr/sbin/telnetd ]` are not mistaken for starting telnetd.
 */
public final class BootServices {
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

    private final List<BootCommand> commands;
    private final List<String> sources;

    private BootServices(List<BootCommand> commands, List<String> sources) {
        this.commands = List.copyOf(commands);
        this.sources = List.copyOf(sources);
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

    private final List<BootLine> bootLines = new ArrayList<>();

    public List<BootLine> bootLines() {
        return bootLines;
    }

    public static BootServices discover(FileTree tree) {
        Builder b = new Builder(tree);
        b.run();
        BootServices s = new BootServices(b.commands, new ArrayList<>(b.read));
        s.bootLines.addAll(b.lines);
        return s;
    }

    private static final class Builder {
        final FileTree tree;
        final List<BootCommand> commands = new ArrayList<>();
        final Set<String> read = new LinkedHashSet<>();
        final List<BootLine> lines = new ArrayList<>();
        final Deque<TreeFile> queue = new ArrayDeque<>();

        Builder(FileTree tree) {
            this.tree = tree;
        }

        void run() {
            tree.resolve("etc/inittab").ifPresent(this::inittab);
            for (String p : List.of("etc/init.d/rcS", "etc/rc.local", "etc/rc.d/rc.local", "etc/init.d/rc.local",
                    "etc/rcS", "etc/rc", "etc/init.d/rc", "etc/rc.d/rcS")) {
                tree.resolve(p).ifPresent(this::enqueue);
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
            }
            systemd();
            while (!queue.isEmpty()) {
                script(queue.poll());
            }
            inetd(); // after the scripts: its entries only run when something starts inetd
        }

        void enqueue(TreeFile f) {
            if (read.size() < 5000 && read.add(f.path())) {
                queue.add(f);
            }
        }

        void inittab(TreeFile f) {
            read.add(f.path());
            List<String> ls = tree.lines(f);
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i).strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] p = l.split(":", 4);
                if (p.length < 4) {
                    continue;
                }
                String action = p[2];
                if (action.equals("ctrlaltdel") || action.equals("shutdown") || action.equals("restart")
                        || action.equals("powerfail") || action.equals("off")) {
                    continue;
                }
                lines.add(new BootLine(f.path(), i + 1, l));
                String cmd = p[3].strip();
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
            for (int i = 0; i < ls.size() && i < 20000; i++) {
                String l = ls.get(i).length() > 4096 ? ls.get(i).substring(0, 4096) : ls.get(i);
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                lines.add(new BootLine(f.path(), i + 1, t));
                if (t.matches(".*\\bfor\\s+\\w+\\s+in\\s+/etc/init\\.d/S.*")) {
                    for (TreeFile s : tree.files(x -> x.path().matches("etc/init\\.d/S[^/]*"))) {
                        enqueue(s);
                    }
                }
                if (t.matches("^\\w+\\s*\\(\\)\\s*\\{?$") || t.startsWith("function ")) {
                    continue; // function header
                }
                for (String seg : SPLIT.split(t)) {
                    String prog = firstProgram(seg);
                    if (prog == null) {
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

        /** Script paths mentioned as commands ("/etc/init.d/x start", ". /lib/functions.sh") are read too. */
        void followScript(String seg) {
            Matcher m = Pattern.compile("(?:^|\\s|\\.\\s)(/(?:etc|usr|sbin|bin|lib|opt|mnt|var|home)[^\\s;&|'\"]*)")
                    .matcher(seg);
            while (m.find()) {
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
            for (int i = 0; i < ls.size(); i++) {
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
         * inetd.conf lists what inetd would serve, not what runs: its entries count only when a boot command
         * starts inetd, or when no init configuration is visible at all (an /etc fragment). The 2009 Broadcom
         * rootfs ships an inetd.conf with ftp and telnet but its rcS has "#/sbin/inetd" and no inetd binary.
         */
        void inetd() {
            boolean initVisible = !read.isEmpty();
            boolean inetdStarted = commands.stream().anyMatch(c -> c.program().equals("inetd"));
            tree.resolve("etc/inetd.conf").ifPresent(f -> {
                read.add(f.path());
                if (initVisible && !inetdStarted) {
                    return;
                }
                List<String> ls = tree.lines(f);
                for (int i = 0; i < ls.size(); i++) {
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
                        commands.add(new BootCommand(prog, p[0] + " " + server + " " + args, f.path(), i + 1, "inetd"));
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
                for (int i = 0; i < ls.size(); i++) {
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
