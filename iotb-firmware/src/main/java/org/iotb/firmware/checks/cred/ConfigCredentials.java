package org.iotb.firmware.checks.cred;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * User/password pairs in vendor default configurations: {@code key=value} files ({@code *.cfg} such as Tenda's
 * webroot/default.cfg with {@code sys.baseusername=user} / {@code sys.baseuserpass=user}, nvram default files with
 * {@code http_username} / {@code http_passwd}) and OpenWrt UCI files ({@code option username} / {@code option password}
 * in one {@code config} section) and INI files ({@code *.ini} with {@code [section]} headers, such as the Neo Coolcam
 * camera's conf/config_user.ini with {@code username = "admin     "} / {@code password = "admin     "} per
 * {@code [userN]} section; quoted values are padded with blanks, which are not part of the value). A pair is a user key and a password key that share their prefix and end in a user
 * word (username, user, login …) and a password word (password, passwd, userpass, pwd …); pairs without a user name
 * are ignored, and so are password values that are hashes or references ({@code $p$root}, {@code $1$…}).
 */
public final class ConfigCredentials {
    /** One pair; {@code line} is the password key's line. */
    public record ConfigLogin(String file, int line, String userKey, String user, String passwordKey, String password,
                              String format) { }

    static final long MAX_SIZE = 1_000_000;
    private static final List<String> USER_WORDS = List.of("username", "user_name", "loginname", "login_name",
            "adminname", "user", "usr", "login", "uname");
    private static final List<String> PASSWORD_WORDS = List.of("userpass", "user_pass", "password", "passwd",
            "passwrd", "passwd", "pswd", "pass", "pwd", "psw", "pw");
    /**
     * Credentials the device uses as a client of someone else's service (PPPoE/PPTP/L2TP uplinks, dynamic DNS, mail,
     * VPN, cloud accounts) are not logins to the device: an empty one is just not configured yet.
     */
    private static final Pattern CLIENT_PREFIX = Pattern.compile(
            "(?i)(?:^|.*[^a-z])(?:ppp\\w*|ppoe|pptp|l2tp\\w*|ddns\\d*|dyndns|smtp|e?mail|wan\\d*|vpn|wisp|3g|4g|lte|"
                    + "radius|cloud|ntp|tr069|cwmp|acs|sip|voip|proxy|wps|wpa|psk|wifi|wlan\\d*|ssid\\d*)(?:[^a-z].*|$)");
    private static final Pattern INI_SECTION = Pattern.compile("^\\[([^\\]]+)\\]$");
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z][\\w.\\-]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern UCI_CONFIG = Pattern.compile("^config\\s+['\"]?([\\w-]+)['\"]?.*");
    private static final Pattern UCI_OPTION = Pattern.compile("^option\\s+['\"]?([\\w-]+)['\"]?\\s+(?:'([^']*)'|\"([^\"]*)\"|(\\S+))\\s*$");

    private ConfigCredentials() {
    }

    /** The files read as vendor configurations: *.cfg, *.ini, nvram defaults, and UCI files under etc/config. */
    static boolean isVendorConfig(TreeFile f) {
        if (!f.isText() || f.size() > MAX_SIZE || f.size() == 0) {
            return false;
        }
        String n = f.name().toLowerCase(Locale.ROOT);
        return n.endsWith(".cfg") || n.endsWith(".ini") || n.contains("nvram") || isUci(f);
    }

    static boolean isUci(TreeFile f) {
        return f.path().matches("(?:.*/)?etc/config/[^/]+");
    }

    public static List<ConfigLogin> read(FileTree tree) {
        List<ConfigLogin> out = new ArrayList<>();
        for (TreeFile f : tree.files(ConfigCredentials::isVendorConfig)) {
            List<String> lines = tree.lines(f);
            if (isUci(f)) {
                uci(f, lines, out);
            } else {
                keyValue(f, lines, out);
            }
        }
        return out;
    }

    private record Entry(String key, String value, int line) { }

    /**
     * key=value lines, paired per {@code [section]} when the file has INI section headers (one login per section),
     * else over the whole file.
     */
    private static void keyValue(TreeFile f, List<String> lines, List<ConfigLogin> out) {
        String format = f.name().toLowerCase(Locale.ROOT).endsWith(".ini") ? "ini" : "key=value";
        Map<String, Entry> entries = new LinkedHashMap<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("#") || t.startsWith("//") || t.startsWith(";")) {
                continue;
            }
            Matcher s = INI_SECTION.matcher(t);
            if (s.matches()) {
                pair(f, new ArrayList<>(entries.values()), format, section, out);
                entries = new LinkedHashMap<>();
                section = f.name() + " " + s.group(1); // file and section say what the login is for
                continue;
            }
            Matcher m = KEY_VALUE.matcher(t);
            if (m.matches()) {
                entries.putIfAbsent(m.group(1), new Entry(m.group(1), unquote(m.group(2)).strip(), i + 1));
            }
        }
        pair(f, new ArrayList<>(entries.values()), format, section, out);
    }

    private static void uci(TreeFile f, List<String> lines, List<ConfigLogin> out) {
        List<Entry> section = new ArrayList<>();
        String header = "";
        for (int i = 0; i <= lines.size(); i++) {
            String t = i < lines.size() ? lines.get(i).strip() : "config end";
            if (UCI_CONFIG.matcher(t).matches()) {
                pair(f, section, "uci", f.name() + " " + header, out); // file and section say what the login is for
                section = new ArrayList<>();
                header = t;
                continue;
            }
            Matcher o = UCI_OPTION.matcher(t);
            if (o.matches()) {
                String v = o.group(2) != null ? o.group(2) : o.group(3) != null ? o.group(3) : o.group(4);
                section.add(new Entry(o.group(1), v, i + 1));
            }
        }
    }

    /**
     * Pairs the user and password keys of one file (key=value) or one section (UCI) by their shared prefix;
     * {@code context} (a UCI file and section header) joins the prefix in telling client credentials apart.
     */
    private static void pair(TreeFile f, List<Entry> entries, String format, String context, List<ConfigLogin> out) {
        Map<String, Entry> usersByPrefix = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (String prefix : prefixes(e.key(), USER_WORDS)) {
                usersByPrefix.putIfAbsent(prefix, e);
            }
        }
        if (usersByPrefix.isEmpty()) {
            return;
        }
        for (Entry p : entries) {
            for (String prefix : prefixes(p.key(), PASSWORD_WORDS)) {
                Entry u = usersByPrefix.get(prefix);
                if (u == null || u == p || u.value().isEmpty() || !plainValue(p.value()) || !plainValue(u.value())
                        || CLIENT_PREFIX.matcher(prefix + " " + context).matches()) {
                    continue;
                }
                out.add(new ConfigLogin(f.path(), p.line(), u.key(), u.value(), p.key(), p.value(), format));
                break;
            }
        }
    }

    /** The prefixes {@code key} has before one of {@code words} at its end (case-insensitive). */
    static List<String> prefixes(String key, List<String> words) {
        List<String> out = new ArrayList<>();
        String lower = key.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (lower.endsWith(w)) {
                out.add(lower.substring(0, lower.length() - w.length()));
            }
        }
        return out;
    }

    /** A literal value: not a hash, a reference ($p$root, ${VAR}, %s) or a template marker. */
    static boolean plainValue(String v) {
        return !v.startsWith("$") && !v.contains("${") && !v.startsWith("%") && !v.startsWith("<")
                && !v.startsWith("@") && !v.equals("*") && !v.equals("x") && v.length() <= 128;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
