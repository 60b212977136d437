package org.iotb.sbom.distro;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution build recognised in a component's own version banner: {@code GNU C Library (Debian GLIBC
 * 2.36-9+deb12u14)}, {@code OpenSSH_9.2p1 Debian-2+deb12u3}, {@code 7.88.1-10+deb12u4}, {@code 3.0.11-1~deb12u2},
 * {@code Ubuntu GLIBC 2.35-0ubuntu3}. {@code revision} is the full distribution package version when the banner
 * carries it, else null; {@code distro} has a release only when the banner says it ({@code deb12u} → 12).
 */
public record DistroBanner(Distro distro, String revision) {
    /** "(Debian GLIBC 2.36-9+deb12u14)" — glibc's and several libraries' form. */
    private static final Pattern PAREN = Pattern.compile("\\((Debian|Ubuntu|Raspbian)[ A-Za-z]* ([0-9][0-9A-Za-z.+:~-]*)\\)");
    /** A bare Debian stable-update revision anywhere in the text: "+deb12u4", "~deb12u2". */
    private static final Pattern DEBU = Pattern.compile("([0-9][0-9A-Za-z.:~]*-[0-9A-Za-z.]*[+~]deb(\\d+)u\\d+[0-9A-Za-z.+~]*)");
    private static final Pattern DEB_RELEASE = Pattern.compile("[+~]deb(\\d+)u\\d+");

    public static Optional<DistroBanner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PAREN.matcher(text);
        if (m.find()) {
            String family = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String revision = m.group(2);
            Matcher r = DEB_RELEASE.matcher(revision);
            String release = family.equals("debian") && r.find() ? r.group(1) : null;
            return Optional.of(new DistroBanner(new Distro(family, release, null), revision));
        }
        Matcher d = DEBU.matcher(text);
        if (d.find()) {
            return Optional.of(new DistroBanner(new Distro("debian", d.group(2), null), d.group(1)));
        }
        if (text.matches("(?s).*\\bDebian-\\d.*")) { // "OpenSSH_9.2p1 Debian-2": a Debian build, release unknown
            return Optional.of(new DistroBanner(Distro.of("debian"), null));
        }
        return Optional.empty();
    }
}
