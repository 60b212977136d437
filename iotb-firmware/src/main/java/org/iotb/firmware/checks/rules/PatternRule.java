package org.iotb.firmware.checks.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One detection rule from data/pattern-rules.yaml. A rule matches lines of text files (or printable strings of
 * binaries when scope lists "strings") with {@code regex}, or ELF executables by imported symbols
 * ({@code importsAll}/{@code importsAny}). {@code exclude} drops matching lines; {@code excludeMatch} drops a
 * match whose own text it finds (a namespace URL on a line that also holds a real one); {@code hostGroup} names the
 * regex group holding a host name that is dropped when it is local, private or a well-known namespace host.
 * {@code hints} are literals (case-insensitive) of which a line must contain one before the regex is tried.
 */
public record PatternRule(String check, String rule, String outcome, String severity, List<String> scopes,
                          String regex, String exclude, String excludeMatch, Integer hostGroup, Integer secretGroup,
                          List<String> importsAll, List<String> importsAny, String message, List<String> hints) {

    Pattern compiled() {
        return regex == null ? null : Pattern.compile(regex);
    }

    Pattern compiledExcludeMatch() {
        return excludeMatch == null ? null : Pattern.compile(excludeMatch);
    }

    Pattern compiledExclude() {
        return exclude == null ? null : Pattern.compile(exclude);
    }
}
