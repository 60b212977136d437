package org.iotb.pipeline.stage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The identity of one stage output: SHA-256 over the stage's name, the pipeline's version ({@link BuildIdentity}),
 * the stored-output format ({@link StageCodec#FORMAT}) and the stage's inputs, each a name and a value (an image's
 * SHA-256, the key of an earlier stage, a vulnerability-data digest, a file hash, a number). Two runs whose stage
 * inputs are equal get the same key, so the second one can take the first one's output; any input that changes
 * changes the key. Inputs are hashed sorted by name: the order they are given in does not matter.
 *
 * @param hex the key as lowercase hex (64 characters)
 */
public record StageKey(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public StageKey {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a stage key is 64 lowercase hex digits: " + hex);
        }
    }

    /** The key of {@code stage} with these inputs (name → value; a null value is hashed as absent). */
    public static StageKey of(Stage stage, Map<String, String> inputs) {
        return of(stage, BuildIdentity.current(), inputs);
    }

    /** As above, for a given pipeline build (tests, and a worker that must agree with another's keys). */
    public static StageKey of(Stage stage, String build, Map<String, String> inputs) {
        StringBuilder text = new StringBuilder("iotb-stage\n");
        line(text, "stage", stage.id());
        line(text, "build", build);
        line(text, "format", Integer.toString(StageCodec.FORMAT));
        new TreeMap<>(inputs).forEach((k, v) -> line(text, "in." + k, v));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new StageKey(HexFormat.of().formatHex(d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** name, value: lengths first, so no value can pretend to be two ("a=b\nc" against "a" and "b\nc"). */
    private static void line(StringBuilder text, String name, String value) {
        text.append(name.length()).append(':').append(name).append('=');
        text.append(value == null ? "-" : value.length() + ":" + value).append('\n');
    }

    @Override
    public String toString() {
        return hex;
    }
}
