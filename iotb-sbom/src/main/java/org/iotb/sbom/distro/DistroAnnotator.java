package org.iotb.sbom.distro;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotb.model.Evidence;
import org.iotb.sbom.Component;
import org.iotb.sbom.ComponentSource;

/**
 * Marks the components a distribution built. A component from a package database already carries its distribution
 * (set when the record is read); a component found by signature is a distribution build when its own banner says
 * so ({@link DistroBanner}: "(Debian GLIBC 2.36-9+deb12u14)"). The banner's release wins when it names one; else
 * the image's distribution is used if it is the same family (a Debian glibc in a Debian 12 image is Debian 12's);
 * else the family alone is recorded, which leaves the backport status unknown rather than guessed. A component
 * without such a banner read from a Debian multiarch directory is a Debian-family build of unknown revision.
 */
public final class DistroAnnotator {
    private DistroAnnotator() {
    }

    public static List<Component> annotate(List<Component> components, Optional<Distro> image) {
        List<Component> out = new ArrayList<>(components.size());
        for (Component c : components) {
            out.add(c.isDistroBuild() || c.source() != ComponentSource.SIGNATURE ? c : fromBanner(c, image));
        }
        return out;
    }

    private static Component fromBanner(Component c, Optional<Distro> image) {
        for (Evidence e : c.evidence()) {
            Optional<DistroBanner> b = DistroBanner.parse(e.excerpt());
            if (b.isEmpty()) {
                continue;
            }
            Distro d = b.get().distro();
            if (d.release() == null && image.isPresent() && image.get().family().equals(d.family())) {
                d = image.get();
            }
            return c.withDistro(d.key(), null, b.get().revision(), c.purl());
        }
        return fromMultiarchPath(c, image);
    }

    /**
     * Debian's multiarch library directories ({@code usr/lib/arm-linux-gnueabihf/}, {@code lib/aarch64-linux-gnu/};
     * https://wiki.debian.org/Multiarch/Tuples) are a Debian-family build's layout: a component read from such a
     * file without any revision is that family's build with its backport status unknown, not a vendor build to judge
     * by upstream version. The image's own Debian-family distribution (os-release) is used when it has one.
     */
    private static Component fromMultiarchPath(Component c, Optional<Distro> image) {
        boolean multiarch = c.evidence().stream().anyMatch(e -> e.path() != null && MULTIARCH.matcher(e.path()).find());
        if (!multiarch) {
            return c;
        }
        Distro d = image.filter(i -> DEBIAN_FAMILY.contains(i.family())).orElse(Distro.of("debian"));
        return c.withDistro(d.key(), null, null, c.purl());
    }

    private static final java.util.regex.Pattern MULTIARCH = java.util.regex.Pattern.compile(
            "(^|/)(usr/)?lib/(aarch64|arm|i386|x86_64|mips|mipsel|mips64el|powerpc64le|s390x|riscv64)-linux-gnu[a-z0-9]*/");
    private static final java.util.Set<String> DEBIAN_FAMILY = java.util.Set.of("debian", "ubuntu", "raspbian");
}
