package org.iotb.sbom.distro;

import java.util.Optional;
import org.iotb.sbom.pkgdb.PackageRecord;

/**
 * The distribution a package database record belongs to: the image's own when its family matches the package
 * manager (dpkg: Debian and its derivatives; apk: Alpine; opkg: OpenWrt), else the family the manager implies, with
 * the release unknown. A "+deb12u" revision names the Debian release even without an os-release file.
 */
public final class PackageDistro {
    private PackageDistro() {
    }

    public static Distro of(PackageRecord p, Optional<Distro> image) {
        String family = switch (p.manager()) {
            case "dpkg" -> "debian";
            case "apk" -> "alpine";
            case "opkg" -> "openwrt";
            default -> null;
        };
        if (family == null) {
            return null;
        }
        if (image.isPresent() && (image.get().family().equals(family)
                || (family.equals("debian") && !image.get().family().equals("openwrt")
                && !image.get().family().equals("alpine")))) {
            return image.get(); // Ubuntu, Raspbian … use dpkg with their own advisories
        }
        Optional<DistroBanner> fromRevision = DistroBanner.parse(p.version());
        if (fromRevision.isPresent() && fromRevision.get().distro().family().equals(family)) {
            return fromRevision.get().distro();
        }
        return Distro.of(family);
    }
}
