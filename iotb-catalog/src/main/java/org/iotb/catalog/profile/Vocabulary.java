package org.iotb.catalog.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.LevelModel;
import org.iotb.catalog.Standard;

/**
 * The words a profile may use for interfaces, categories, features, OS and personal data. They come from the
 * catalog (the "applies-if-any" vocabulary and the level model), plus a few common ones no baseline names yet,
 * so that adding a baseline extends the vocabulary without code.
 */
public record Vocabulary(Set<String> interfaces, Set<String> categories, Set<String> features, Set<String> os,
                         Set<String> personalData, Set<String> impacts) {

    private static final List<String> BASE_INTERFACES = List.of(
            "ethernet", "wifi", "ble", "ble-mesh", "bluetooth-classic", "zigbee", "thread", "z-wave", "rf", "nfc",
            "cellular", "lora", "usb", "serial", "infrared");
    private static final List<String> BASE_OS = List.of("embedded-linux", "rtos", "android", "other");

    public static Vocabulary of(Catalog catalog) {
        Set<String> interfaces = new TreeSet<>(BASE_INTERFACES);
        Set<String> categories = new TreeSet<>();
        Set<String> features = new TreeSet<>();
        Set<String> os = new LinkedHashSet<>(BASE_OS);
        Set<String> personal = new TreeSet<>();
        Set<String> impacts = new LinkedHashSet<>(List.of("minor", "limited", "severe"));
        for (Standard s : catalog.standards()) {
            for (Standard.ApplicabilityCondition c : s.applicabilityConditions()) {
                String id = c.id();
                int colon = id.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String value = id.substring(colon + 1);
                switch (id.substring(0, colon)) {
                    case "interface" -> interfaces.add(value);
                    case "category" -> categories.add(value);
                    case "feature" -> features.add(value);
                    case "os" -> os.add(value);
                    default -> { }
                }
            }
            if (s.levels() != null) {
                s.levels().confidentiality().stream().map(LevelModel.Entry::key).forEach(personal::add);
                s.levels().integrity().stream().map(LevelModel.Entry::key).forEach(impacts::add);
            }
        }
        return new Vocabulary(interfaces, categories, features, os, personal, impacts);
    }
}
