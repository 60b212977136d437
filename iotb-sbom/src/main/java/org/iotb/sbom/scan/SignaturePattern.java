package org.iotb.sbom.scan;

import java.util.List;

/**
 * One way to read a component's version. Exactly one of these kinds:
 * <ul>
 *   <li>{@code match} alone: a regex over each printable string of a file; group 1 is the version. {@code hint}
 *       is a literal the string must contain (a cheap filter before the regex; required unless {@code files}
 *       limits the pattern to a few file names).</li>
 *   <li>{@code near} + {@code match}: {@code near} is a regex for an anchor string; the version is a string
 *       matching {@code match} within {@code window} strings before or after it (for programs that print
 *       "hostapd v%s" with the version in a separate constant).</li>
 *   <li>{@code fileName}: a regex on the file's name (libuClibc-0.9.33.2.so).</li>
 *   <li>{@code path}: a regex on the path relative to the tree root, directories included (lib/modules/5.4.0/).</li>
 * </ul>
 * A {@code match} without a capture group only says the component is present (version unknown). {@code files}
 * restricts a pattern to files whose name matches one of its globs. {@code version} is an optional template
 * ({@code 1.6.$1}) building the version from groups. {@code requires} is a literal that must occur in some string of
 * the same file for a content hit to count (OpenSSL's banner is also compiled into programs that merely link it;
 * only the library itself holds "OPENSSLDIR: "). {@code confidence} defaults to high for match, medium else.
 */
public record SignaturePattern(
        String match,
        String hint,
        String near,
        String nearHint,
        Integer window,
        String fileName,
        String path,
        List<String> files,
        String version,
        String requires,
        String confidence) {

    public SignaturePattern {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
