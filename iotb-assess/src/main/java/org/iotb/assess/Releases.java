package org.iotb.assess;

import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.lab.LabRecord;

/**
 * Which firmware release an assessment is labelled with: {@code --release}, else the lab record's device-under-test
 * firmware version, else the profile's {@code product.firmware-version}. One profile serves every release of a
 * product, so without this each release's reports (and {@code iotb diff}) would carry the profile's version. The
 * workspace labels each run with its firmware version's name the same way.
 */
public final class Releases {
    private Releases() {
    }

    public static Assessment label(Assessment a, String release, LabRecord lab) {
        String labVersion = lab == null || lab.deviceUnderTest() == null ? null : blankToNull(lab.deviceUnderTest().firmwareVersion());
        String chosen = blankToNull(release) != null ? release.strip() : labVersion;
        if (chosen == null || chosen.equals(a.product().firmwareVersion())) {
            return a;
        }
        List<String> warnings = new ArrayList<>();
        if (labVersion != null && !labVersion.equals(chosen)) {
            warnings.add("--release " + chosen + " differs from the lab record's device-under-test firmware " + labVersion);
        }
        Product p = a.product();
        return a.withProduct(new Product(p.name(), p.vendor(), p.model(), chosen, p.category()), warnings);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
