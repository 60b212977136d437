package org.iotb.firmware.checks.misc;

import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.wifi.ap-passphrase: an access point configured in the image with a fixed passphrase (hostapd
 * wpa_passphrase/wpa_psk, OpenWrt wireless "option key") — the same on every unit — or with no encryption.
 */
public final class WifiPassphraseCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.wifi.ap-passphrase";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> hits = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        for (TreeFile f : ctx.tree().files(f -> f.isText() && f.name().matches("hostapd[^/]*\\.conf(\\..*)?"))) {
            looked.add(f.path());
            List<String> ls = ctx.tree().lines(f);
            boolean wpa = false;
            boolean wep = false;
            int ssidLine = 0;
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i).strip();
                if (l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("ssid=")) {
                    ssidLine = i + 1;
                }
                if (l.matches("wpa=[1-3]")) {
                    wpa = true;
                }
                if (l.matches("wep_key0=.+")) {
                    wep = true;
                }
                if (l.startsWith("wpa_passphrase=") || l.startsWith("wpa_psk=")) {
                    String v = l.substring(l.indexOf('=') + 1);
                    if (!v.isEmpty()) {
                        hits.add(Evidence.line(f.path(), i + 1, "fixed WPA passphrase " + Results.mask(v)
                                + " (" + v.length() + " chars)").withFingerprint(Results.sha256(v)));
                    } else {
                        hits.add(Evidence.line(f.path(), i + 1, "empty WPA passphrase"));
                    }
                }
            }
            if (!wpa && ssidLine > 0 && !ls.stream().anyMatch(x -> x.strip().startsWith("wpa_psk_file"))) {
                hits.add(Evidence.line(f.path(), ssidLine, wep ? "AP uses WEP" : "open AP (no wpa= setting)"));
            }
        }
        for (TreeFile f : ctx.tree().files(f -> f.isText() && f.path().matches("(.*/)?etc/config/wireless"))) {
            looked.add(f.path());
            List<String> ls = ctx.tree().lines(f);
            boolean ap = false;
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i).strip();
                if (l.startsWith("config ")) {
                    ap = false;
                }
                if (l.matches("option\\s+mode\\s+'?ap'?")) {
                    ap = true;
                }
                String v = uciValue(l, "key");
                if (v != null && !v.isEmpty() && !v.matches("[1-4]")) {
                    hits.add(Evidence.line(f.path(), i + 1, "fixed Wi-Fi key " + Results.mask(v) + " ("
                            + v.length() + " chars)").withFingerprint(Results.sha256(v)));
                }
                String enc = uciValue(l, "encryption");
                if (enc != null && (enc.equals("none") || enc.startsWith("wep"))) {
                    int line = i + 1;
                    // mode may follow encryption in the section: look ahead within the section
                    boolean isAp = ap || sectionIsAp(ls, i);
                    if (isAp) {
                        hits.add(Evidence.line(f.path(), line, "access point with encryption '" + enc + "'"));
                    }
                }
            }
        }
        if (looked.isEmpty()) {
            return List.of(Finding.notRun(id(), "no hostapd or OpenWrt wireless configuration in the image"));
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.HIGH,
                hits.size() + " access-point setting(s) with a fixed, empty or no passphrase", hits,
                "access points use per-device or externally provisioned keys; read " + String.join(", ", looked),
                List.of());
    }

    private static boolean sectionIsAp(List<String> ls, int from) {
        for (int j = from + 1; j < ls.size(); j++) {
            String l = ls.get(j).strip();
            if (l.startsWith("config ")) {
                return false;
            }
            if (l.matches("option\\s+mode\\s+'?ap'?")) {
                return true;
            }
        }
        return false;
    }

    static String uciValue(String line, String option) {
        var m = java.util.regex.Pattern.compile("^option\\s+" + option + "\\s+['\"]?([^'\"]*)['\"]?\\s*$").matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
