package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * The default environment compiled into a U-Boot binary (CONFIG_EXTRA_ENV_SETTINGS and friends): the same
 * "name=value\0" strings as an environment block, but with no CRC in front, sitting in U-Boot's read-only data.
 * U-Boot uses it whenever the flash environment is missing or corrupt, so on a device that was never
 * reconfigured it is the environment; {@code bootdelay} here is what a serial user meets.
 * <p>
 * Found from a {@code bootdelay=} string: the handler walks back and forward over NUL-separated
 * {@code name=value} strings and accepts a list of at least three variables that holds a boot command
 * ({@code bootcmd} or {@code bootargs}). An ELF file is refused: {@code fw_printenv} and friends carry a copy of
 * the default environment for their own use, which says nothing about the boot loader on the device. A
 * CRC-checked block claims these bytes first when there is one ({@link UBootEnvHandler} sorts before this
 * handler in the registry), so this handler sees only plain lists.
 */
public final class UBootDefaultEnvHandler implements FormatHandler {
    static final int MAX_SPAN = 0x4000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,63}");

    @Override
    public String id() {
        return "uboot-default-env";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(0, "bootdelay="));
    }

    private static boolean text(int c) {
        return c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public Optional<Match> identify(ByteSource s, long hit) throws IOException {
        if (hit > 0 && s.size() >= 4 && isElf(s.bytes(0, 4))) {
            return Optional.empty();
        }
        if (hit == 0 || s.bytes(hit - 1, 1)[0] != 0) {
            return Optional.empty(); // "bootdelay=" inside a longer string (a script line, a help text)
        }
        long from = Math.max(0, hit - MAX_SPAN);
        byte[] back = s.bytes(from, (int) (hit - from));
        // walk back over "name=value\0" strings: a double NUL or a non-text byte ends the list
        int i = back.length;
        while (i > 0) {
            int c = back[i - 1] & 0xff;
            if (c == 0 ? i >= 2 && back[i - 2] == 0 : !text(c)) {
                break;
            }
            i--;
        }
        long start = from + i;
        while (start < hit && s.bytes(start, 1)[0] == 0) {
            start++;
        }
        long to = Math.min(s.size(), hit + MAX_SPAN);
        byte[] all = s.bytes(start, (int) (to - start));
        Map<String, String> vars = new LinkedHashMap<>();
        int p = 0;
        int listFrom = 0;
        long end = start;
        while (p < all.length && all[p] != 0) {
            int e = p;
            while (e < all.length && all[e] != 0 && text(all[e] & 0xff)) {
                e++;
            }
            if (e >= all.length || all[e] != 0) {
                break; // the list must end its strings with NUL
            }
            String kv = new String(all, p, e - p, StandardCharsets.ISO_8859_1);
            int eq = kv.indexOf('=');
            if (eq <= 0 || !NAME.matcher(kv.substring(0, eq)).matches()) {
                if (start + p > hit) {
                    break; // text after the list: the list ended
                }
                vars.clear(); // text before the list (a banner, a message): the list starts after it
                p = e + 1;
                listFrom = p;
                continue;
            }
            vars.putIfAbsent(kv.substring(0, eq), kv.substring(eq + 1));
            p = e + 1;
            end = start + p;
        }
        if (vars.size() < 3 || !vars.containsKey("bootdelay")
                || !(vars.containsKey("bootcmd") || vars.containsKey("bootargs"))) {
            return Optional.empty();
        }
        long listStart = start + listFrom;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("builtIn", true);
        info.put("variables", vars);
        return Streams.match(id(), listStart, end - listStart,
                "U-Boot built-in default environment, " + vars.size() + " variables", info);
    }

    private static boolean isElf(byte[] b) {
        return b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Map<String, String> vars = UBootEnvHandler.parse(s.bytes(m.offset(), (int) m.length()));
        StringBuilder sb = new StringBuilder();
        vars.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sink.file("uboot-default-env.txt", 0644, 0,
                new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }
}
