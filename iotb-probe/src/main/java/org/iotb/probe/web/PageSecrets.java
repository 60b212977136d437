package org.iotb.probe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page served without credentials gives away: secret fields that carry a value (a password input with a
 * value, a Wi-Fi key/PSK field filled in) and settings forms (fields that set the Wi-Fi, the admin password, the
 * network or the firmware). A login form (user name + empty password) is neither. Values are never kept: only
 * the field names and a masked value leave this class.
 */
public final class PageSecrets {
    private static final int MAX_FIELDS = 200;
    private static final Pattern FIELD = Pattern.compile("<(input|textarea|select)\\b([^>]{0,2000})>",
            Pattern.CASE_INSENSITIVE);
    /** Field names that hold a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "pass|pwd|psk|passphrase|wpa|wep|wifi_?key|wlan_?key|secret|token|api_?key|private", Pattern.CASE_INSENSITIVE);
    /** Field names that set the device up: Wi-Fi, admin account, network, firmware. */
    private static final Pattern SETTING_NAME = Pattern.compile(
            "ssid|psk|wpa|wep|wifi|wlan|admin_?pass|new_?pass|passwd2|confirm|dhcp|gateway|dns|netmask|firmware"
                    + "|upgrade|reboot|factory|remote_?(?:access|admin)|telnet", Pattern.CASE_INSENSITIVE);

    private PageSecrets() {
    }

    /** One field worth reporting: its name, what it is, and its value masked (empty when it shows none). */
    public record Field(String name, String kind, String maskedValue) {
        @Override
        public String toString() {
            return name + " (" + kind + (maskedValue.isEmpty() ? "" : ", value " + maskedValue) + ")";
        }
    }

    /** Secret fields with a value first, then settings fields; empty for an ordinary page or a login form. */
    public static List<Field> find(String html) {
        String page = html.substring(0, Math.min(html.length(), PageLinks.MAX_PAGE));
        List<Field> secrets = new ArrayList<>();
        List<Field> settings = new ArrayList<>();
        Matcher m = FIELD.matcher(page);
        for (int i = 0; i < MAX_FIELDS && m.find(); i++) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> a = HtmlForm.attrs(m.group(2));
            String name = a.getOrDefault("name", a.getOrDefault("id", ""));
            String type = a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
            if (name.isEmpty() || type.equals("submit") || type.equals("button")) {
                continue;
            }
            String value = tag.equals("textarea") ? textareaValue(page, m.end()) : a.getOrDefault("value", "");
            boolean secretName = SECRET_NAME.matcher(name).find();
            if (!value.isEmpty() && !type.equals("hidden") && (type.equals("password") || secretName)) {
                secrets.add(new Field(name, type.equals("password") ? "password field with a value" : "secret shown",
                        mask(value)));
            } else if (!value.isEmpty() && type.equals("hidden") && secretName && !name.toLowerCase(Locale.ROOT)
                    .contains("token")) {
                // a hidden field named like a password carries the password to every visitor
                secrets.add(new Field(name, "hidden secret", mask(value)));
            } else if (SETTING_NAME.matcher(name).find()) {
                settings.add(new Field(name, type.equals("password") ? "password setting" : "setting", ""));
            }
        }
        List<Field> out = new ArrayList<>(secrets);
        out.addAll(settings);
        return out;
    }

    /** True when any field gives away a secret value (as opposed to settings fields alone). */
    public static boolean revealsSecret(List<Field> fields) {
        return fields.stream().anyMatch(f -> !f.maskedValue().isEmpty());
    }

    /** Only the length: the report must not become the place the device's secret leaks from. */
    public static String mask(String value) {
        return "******** (" + value.length() + " chars)";
    }

    /** Fails the page: a secret value shown, a password setting, or a form of two or more settings fields. */
    public static boolean exposesConfiguration(List<Field> fields) {
        return revealsSecret(fields) || fields.stream().anyMatch(f -> f.kind().equals("password setting"))
                || fields.size() >= 2;
    }

    private static String textareaValue(String page, int from) {
        int limit = Math.min(page.length() - 10, from + 4096);
        for (int i = from; i <= limit; i++) {
            if (page.regionMatches(true, i, "</textarea", 0, 10)) {
                return page.substring(from, i).trim();
            }
        }
        return "";
    }
}
