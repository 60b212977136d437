package org.iotb.cli.batch;

import java.time.Duration;
import java.util.Locale;
import org.iotb.cli.UserInputException;

/** "90s", "30m", "2h", "500ms" or ISO-8601 ("PT30M") → a Duration. */
final class Durations {
    private Durations() {
    }

    static Duration parse(String option, String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(s.trim().toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new UserInputException(option + " must be a duration like 90s, 30m or 2h, not '" + s + "'");
        }
    }
}
