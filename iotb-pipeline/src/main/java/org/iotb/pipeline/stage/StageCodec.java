package org.iotb.pipeline.stage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.iotb.model.Evidence;
import org.iotb.model.Json;

/**
 * Stage outputs as stored bytes: JSON, each type serialised as everywhere else in iotb ({@link Json#mapper()}: the
 * findings, facts and assessment as in the assessment JSON), inside an envelope that names the stage, the key and
 * the format:
 * <pre>{"iotbStage": "evidence", "format": 1, "key": "…64 hex…", "output": {…}}</pre>
 * An output is taken only when all three match what the pipeline asks for and the output reads as its type;
 * anything else (truncated, corrupted, another format or stage, written under another key) is
 * {@link Rejected}, and the pipeline computes the stage again.
 *
 * <p>One type is read differently: {@link Evidence}'s excerpt, request and reply. Its constructor makes text
 * readable (bytes decoded as UTF-8, others escaped), and given that text again it does not always keep it ("é"
 * decoded once is escaped as "\xE9" the second time). Read back, the text is handed to the constructor as the
 * bytes it was made from (its UTF-8 as ISO-8859-1 characters, only where that makes a difference), so the evidence
 * read is exactly the evidence written.
 * Bump {@link #FORMAT} whenever a stored output type changes shape.
 */
public final class StageCodec {
    /** The stored-output format; part of every {@link StageKey}, checked again on read. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(new SimpleModule("iotb-stages")
            .addDeserializer(Evidence.class, new LosslessEvidence()));

    private StageCodec() {
    }

    /** A stored output that cannot be used: why, in words. */
    public static final class Rejected extends Exception {
        public Rejected(String why) {
            super(why);
        }
    }

    public static byte[] encode(Stage stage, StageKey key, Object output) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("iotbStage", stage.id());
        envelope.put("format", FORMAT);
        envelope.put("key", key.hex());
        envelope.set("output", MAPPER.valueToTree(output));
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the " + stage.id() + " output", e);
        }
    }

    public static <T> T decode(Stage stage, StageKey key, byte[] bytes, Class<T> type) throws Rejected {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new Rejected("not JSON (truncated or corrupted?): " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new Rejected("not a stage output");
        }
        if (!stage.id().equals(tree.path("iotbStage").asText(null))) {
            throw new Rejected("the output of stage '" + tree.path("iotbStage").asText("?") + "', not '" + stage.id() + "'");
        }
        if (tree.path("format").asInt(-1) != FORMAT) {
            throw new Rejected("format " + tree.path("format").asText("?") + ", this iotb reads format " + FORMAT);
        }
        if (!key.hex().equals(tree.path("key").asText(null))) {
            throw new Rejected("stored under another key (" + tree.path("key").asText("?") + ")");
        }
        JsonNode output = tree.get("output");
        if (output == null || output.isNull()) {
            throw new Rejected("no output");
        }
        try {
            T value = MAPPER.treeToValue(output, type);
            if (value == null) {
                throw new Rejected("no output");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new Rejected("does not read as " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    /** The JSON of a value as stage outputs write it (for keys that hash a value, and for tests). */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** The value written by {@link #json} read back. */
    public static <T> T read(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Text that {@link Evidence#readable} turns back into {@code s} when {@code s} is what it made: {@code s} itself
     * when it is plain or holds characters beyond one byte (kept as they are), else — text of one-byte characters,
     * some beyond ASCII, which readable() only makes by decoding UTF-8 — its UTF-8 bytes, one character each.
     */
    static String preimage(String s) {
        if (s == null) {
            return null;
        }
        boolean oneByte = true;
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            oneByte &= c <= 0xff;
            plain &= c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r';
        }
        if (plain || !oneByte) {
            return s;
        }
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** {@link Evidence} read from the JSON it is always written as, its texts through {@link #preimage}. */
    private static final class LosslessEvidence extends StdDeserializer<Evidence> {
        LosslessEvidence() {
            super(Evidence.class);
        }

        @Override
        public Evidence deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = p.readValueAsTree();
            return new Evidence(text(n, "path"), n.hasNonNull("offset") ? n.get("offset").asLong() : null,
                    n.hasNonNull("line") ? n.get("line").asInt() : null, preimage(text(n, "excerpt")),
                    text(n, "sha256"), text(n, "fingerprint"), text(n, "host"),
                    n.hasNonNull("port") ? n.get("port").asInt() : null, text(n, "protocol"),
                    preimage(text(n, "request")), preimage(text(n, "reply")));
        }

        private static String text(JsonNode n, String field) {
            return n.hasNonNull(field) ? n.get(field).asText() : null;
        }
    }
}
