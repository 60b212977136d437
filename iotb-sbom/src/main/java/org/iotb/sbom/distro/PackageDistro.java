package org.iotb.sbom.distro;

import java.util.Optional;
import org.iotb.sbom.pkgdb.PackageRecord;

/**
 * The distribution a package database record belongs to: the image's own when its family matches the package
 * manager (dpkg: Debian and its derivatives; apk: Alpine; opkg: OpenWrt), else the family the manager implies, with
 * the release unknown. A "+deb12u" revision names the Debian release even without an os-release file.
 */
public final class PackageDistro {
    private static final java.util.Set<String> DEBIAN_DERIVATIVES = java.util.Set.of("ubuntu", "raspbian");

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
                || (family.equals("debian") && DEBIAN_DERIVATIVES.contains(image.get().family())))) {
            return image.get(); // Ubuntu, Raspbian … use dpkg with their own advisories
        }
        // a vendor's own os-release (ID=sl100) says nothing about where its .deb packages came from
        Optional<DistroBanner> fromRevision = DistroBanner.parse(p.version());
        if (fromRevision.isPresent() && fromRevision.get().distro().family().equals(family)) {
            return fromRevision.get().distro();
        }
        return Distro.of(family);
    }
}
