package org.iotb.sbom.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A version string as the components of consumer devices write them, ordered the way their maintainers mean:
 * {@code 1.0.1 < 1.0.1a < 1.0.1f < 1.0.2} (OpenSSL letter releases), {@code 8.9 < 8.9p1 < 9.0} (OpenSSH portable),
 * {@code 2.6.6-rc1 < 2.6.6} (pre-releases), {@code 2020.81 < 2022.83} (Dropbear), {@code 1.0.2u < 1.0.2za}.
 *
 * <p>The text is split into numeric and alphabetic tokens; separators ({@code . - _ + ~}) only split. Numbers compare
 * numerically. A word that marks a pre-release (alpha, beta, rc, pre, dev) — or a single a/b directly followed by a
 * number, as in {@code 1.0b2} — sorts before the release it precedes; any other word (p, letters) sorts after it.
 */
public final class Version implements Comparable<Version> {
    private static final Set<String> PRE_WORDS = Set.of("alpha", "beta", "rc", "pre", "dev", "snapshot", "test");

    private final String text;
    private final List<Object> tokens;

    private Version(String text, List<Object> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static Version parse(String text) {
        Objects.requireNonNull(text, "version");
        String t = text.trim();
        if (t.length() > 1 && (t.charAt(0) == 'v' || t.charAt(0) == 'V') && Character.isDigit(t.charAt(1))) {
            t = t.substring(1);
        }
        List<Object> tokens = new ArrayList<>();
        int i = 0;
        int n = Math.min(t.length(), 128);
        while (i < n) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < n && Character.isDigit(t.charAt(j))) {
                    j++;
                }
                tokens.add(new BigInteger(t.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(t.charAt(j))) {
                    j++;
                }
                tokens.add(t.substring(i, j).toLowerCase(Locale.ROOT));
                i = j;
            } else {
                i++;
            }
        }
        return new Version(text.trim(), List.copyOf(tokens));
    }

    /** True when the text holds at least one number: "unknown" or "" are not versions we can order. */
    public static boolean isComparable(String text) {
        return text != null && text.chars().anyMatch(Character::isDigit);
    }

    public String text() {
        return text;
    }

    /** The first {@code count} numeric tokens joined by dots ("5.10.110" with count 2 is "5.10"). */
    public String numericPrefix(int count) {
        StringBuilder sb = new StringBuilder();
        int taken = 0;
        for (Object t : tokens) {
            if (!(t instanceof BigInteger) || taken == count) {
                break;
            }
            if (taken > 0) {
                sb.append('.');
            }
            sb.append(t);
            taken++;
        }
        return sb.toString();
    }

    private boolean isPreRelease(int index) {
        Object t = tokens.get(index);
        if (!(t instanceof String s)) {
            return false;
        }
        if (PRE_WORDS.contains(s)) {
            return true;
        }
        boolean nextIsNumber = index + 1 < tokens.size() && tokens.get(index + 1) instanceof BigInteger;
        // "1.0b2" is a beta; OpenSSL's "1.0.2a" (nothing after the letter) is a release
        return (s.equals("a") || s.equals("b")) && nextIsNumber && index > 0
                && tokens.get(index - 1) instanceof BigInteger;
    }

    private boolean onlyZerosFrom(int index) {
        for (int i = index; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof BigInteger b) || b.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Version o) {
        int n = Math.max(tokens.size(), o.tokens.size());
        for (int i = 0; i < n; i++) {
            boolean mine = i < tokens.size();
            boolean theirs = i < o.tokens.size();
            if (!mine) {
                return o.onlyZerosFrom(i) ? 0 : o.isPreRelease(i) ? 1 : -1;
            }
            if (!theirs) {
                return onlyZerosFrom(i) ? 0 : isPreRelease(i) ? -1 : 1;
            }
            Object a = tokens.get(i);
            Object b = o.tokens.get(i);
            if (a instanceof BigInteger x && b instanceof BigInteger y) {
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            } else if (a instanceof String x && b instanceof String y) {
                boolean preX = isPreRelease(i);
                boolean preY = o.isPreRelease(i);
                if (preX != preY) {
                    return preX ? -1 : 1;
                }
                int c = comparePreWords(x, y);
                if (c != 0) {
                    return c;
                }
            } else {
                // number against word at the same place: "1.0.1" + "a" vs "1.0.1" + ".1": a pre-release word is
                // lower than any number, a post-release word (p1, letter) sorts below a further number too,
                // because 1.0.1a < 1.0.1.1 is not defined by anyone; we keep numbers higher for stability.
                return a instanceof BigInteger ? 1 : -1;
            }
        }
        return 0;
    }

    private static int comparePreWords(String x, String y) {
        int rx = preRank(x);
        int ry = preRank(y);
        if (rx != ry) {
            return Integer.compare(rx, ry);
        }
        // longer letter runs sort after shorter ones: OpenSSL 1.0.2z < 1.0.2za
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    private static int preRank(String w) {
        return switch (w) {
            case "dev", "snapshot" -> 0;
            case "alpha", "a" -> 1;
            case "beta", "b" -> 2;
            case "pre", "test" -> 3;
            case "rc" -> 4;
            default -> 5;
        };
    }

    public boolean isBefore(Version o) {
        return compareTo(o) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1) instanceof BigInteger b && b.signum() == 0) {
            end--;
        }
        return tokens.subList(0, end).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
