package org.iotb.sbom.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iotb.model.Json;

/**
 * The component signatures (data file {@code signatures.yaml}): which files to read (ELF files and a few
 * image names such as vmlinux), and per component its patterns. Loaded once; immutable.
 */
public final class SignatureSet {
    private static final String RESOURCE = "/org/iotb/sbom/signatures.yaml";

    private final List<Signature> signatures;
    private final List<CompiledPattern> compiled;
    private final List<PathMatcher> contentNames;
    private final java.util.Set<String> blobSignatures;
    private final long blobMaxBytes;
    private final Map<String, Signature> byAlias = new LinkedHashMap<>();
    private final Map<String, Signature> byId = new LinkedHashMap<>();

    private SignatureSet(List<Signature> signatures, List<String> contentNameGlobs, List<String> blobSignatures,
                         long blobMaxBytes) {
        this.signatures = List.copyOf(signatures);
        this.blobSignatures = java.util.Set.copyOf(blobSignatures);
        this.blobMaxBytes = blobMaxBytes;
        List<CompiledPattern> list = new ArrayList<>();
        for (Signature s : signatures) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate signature id " + s.id());
            }
            byAlias.putIfAbsent(s.id(), s);
            for (String a : s.aliases()) {
                byAlias.putIfAbsent(a.toLowerCase(Locale.ROOT), s);
            }
            for (int i = 0; i < s.patterns().size(); i++) {
                list.add(new CompiledPattern(s, i, s.patterns().get(i)));
            }
        }
        this.compiled = List.copyOf(list);
        this.contentNames = contentNameGlobs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    private static volatile SignatureSet bundled;

    /** The signatures shipped with iotb. */
    public static SignatureSet bundled() {
        SignatureSet s = bundled;
        if (s == null) {
            try (InputStream in = SignatureSet.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                s = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = s;
        }
        return s;
    }

    public static SignatureSet load(InputStream yaml) throws IOException {
        ObjectMapper m = Json.yaml();
        JsonNode root = m.readTree(yaml);
        List<String> names = new ArrayList<>();
        root.path("contentScan").path("names").forEach(n -> names.add(n.asText()));
        List<String> blob = new ArrayList<>();
        root.path("contentScan").path("blobs").path("signatures").forEach(n -> blob.add(n.asText()));
        long blobMax = root.path("contentScan").path("blobs").path("maxBytes").asLong(0);
        List<Signature> sigs = new ArrayList<>();
        for (JsonNode n : root.path("signatures")) {
            sigs.add(m.treeToValue(n, Signature.class));
        }
        for (String id : blob) {
            if (sigs.stream().noneMatch(x -> x.id().equals(id))) {
                throw new IllegalArgumentException("contentScan.blobs names unknown signature " + id);
            }
        }
        return new SignatureSet(sigs, names, blob, blobMax);
    }

    public List<Signature> signatures() {
        return signatures;
    }

    List<CompiledPattern> compiled() {
        return compiled;
    }

    public Optional<Signature> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The component a package or feed name stands for ("libssl3" → openssl), if any. */
    public Optional<Signature> byPackageName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byAlias.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The component an installed package contains: by package name, else by source package name unless the
     * component's signature excludes that binary package (u-boot-tools is built from u-boot but is not U-Boot).
     */
    public Optional<Signature> byPackage(String name, String sourceName) {
        Optional<Signature> direct = byPackageName(name);
        if (direct.isPresent()) {
            return direct;
        }
        return byPackageName(sourceName).filter(s -> name == null
                || !s.notPackages().contains(name.toLowerCase(Locale.ROOT)));
    }

    /** True when a file of this name is worth reading even though it is not ELF (kernel images, boot loaders). */
    boolean isContentName(String fileName) {
        Path p = Path.of(fileName);
        for (PathMatcher m : contentNames) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a binary file that is neither ELF nor a content name is read for the blob signatures (a boot loader
     * the unpacker wrote as "data" or "firmware.gz": known by its content, whatever its name).
     */
    public boolean wantsBlob(long size) {
        return !blobSignatures.isEmpty() && size <= blobMaxBytes;
    }

    boolean blobSignature(String id) {
        return blobSignatures.contains(id);
    }

    public SignatureMatcher matcher() {
        return new SignatureMatcher(this);
    }
}
