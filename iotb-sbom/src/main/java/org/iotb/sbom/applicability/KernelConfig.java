package org.iotb.sbom.applicability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A Linux kernel build configuration as the image reveals it: a {@code .config} text ({@code /boot/config-*}, a
 * copy of {@code /proc/config.gz}) or the {@code IKCFG_ST}…{@code IKCFG_ED} gzip block that {@code CONFIG_IKCONFIG}
 * embeds in the kernel image ({@code kernel/configs.c}). {@code source} names where it was read
 * ({@code boot/config-6.1.0-41-armmp}, {@code vmlinux (IKCFG_ST block at 0x…)}).
 */
public final class KernelConfig {
    /** At most this much configuration text is inflated: a real one is 100–300 KiB. */
    static final int MAX_TEXT = 4 << 20;
    private static final byte[] IKCFG_START = "IKCFG_ST".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SET = Pattern.compile("^(CONFIG_[A-Za-z0-9_]+)=(.*)$");
    private static final Pattern UNSET = Pattern.compile("^# (CONFIG_[A-Za-z0-9_]+) is not set$");
    /** The header every generated kernel .config starts with ("# Linux/arm 6.1.0 Kernel Configuration", 2.6's
     * "# Linux kernel version: 2.6.31"), which a BusyBox or U-Boot .config does not carry. */
    private static final Pattern HEADER = Pattern.compile("(?m)^# Linux(/\\S+)? (\\S+ )?[Kk]ernel [Cc]onfiguration|(?m)^# Linux kernel version:");

    private final String source;
    private final Map<String, String> values;

    private KernelConfig(String source, Map<String, String> values) {
        this.source = source;
        this.values = Map.copyOf(values);
    }

    /** The configuration in this text, or empty when it is not a kernel's generated .config. */
    public static Optional<KernelConfig> parse(String text, String source) {
        if (text == null || !HEADER.matcher(text).find()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            Matcher m = SET.matcher(line);
            if (m.matches()) {
                values.put(m.group(1), m.group(2));
                continue;
            }
            Matcher u = UNSET.matcher(line);
            if (u.matches()) {
                values.put(u.group(1), "n");
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(new KernelConfig(source, values));
    }

    /** A gzip-compressed .config ({@code config.gz}). */
    public static Optional<KernelConfig> fromGzip(byte[] gz, String source) {
        return inflate(gz, 0).flatMap(t -> parse(t, source));
    }

    /** The configuration embedded by CONFIG_IKCONFIG in a kernel image or vmlinux, if any. */
    public static Optional<KernelConfig> fromKernelImage(byte[] image, String file) {
        for (int at = indexOf(image, IKCFG_START, 0); at >= 0; at = indexOf(image, IKCFG_START, at + 1)) {
            String where = file + " (IKCFG_ST block at 0x" + Integer.toHexString(at) + ")";
            Optional<KernelConfig> c = inflate(image, at + IKCFG_START.length).flatMap(t -> parse(t, where));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inflate(byte[] data, int offset) {
        if (offset + 2 > data.length || (data[offset] & 0xff) != 0x1f || (data[offset + 1] & 0xff) != 0x8b) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data, offset, data.length - offset))) {
            // the block ends with "IKCFG_ED" after the gzip member; GZIPInputStream may read it as trailing garbage
            byte[] text = in.readNBytes(MAX_TEXT);
            return Optional.of(new String(text, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public String source() {
        return source;
    }

    /** True if the symbol is built in or as a module (=y or =m). */
    public boolean built(String symbol) {
        String v = values.get(symbol);
        return "y".equals(v) || "m".equals(v);
    }

    /** The line of the configuration that states this symbol, as written ("# CONFIG_TIPC is not set"). */
    public String line(String symbol) {
        String v = values.get(symbol);
        if (v == null) {
            return symbol + " absent";
        }
        return "n".equals(v) ? "# " + symbol + " is not set" : symbol + "=" + v;
    }

    /** Number of symbols read, to tell a real configuration from a fragment. */
    public int size() {
        return values.size();
    }
}
