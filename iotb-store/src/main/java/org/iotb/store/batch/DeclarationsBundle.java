package org.iotb.store.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.iotb.assess.InputRecord;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.model.Json;
import org.iotb.pipeline.DeclarationEvidence;
import org.iotb.store.blob.BlobStore;

/**
 * Declarations travel to a worker with the files they cite as evidence (docs/provisioning.md, a test report…),
 * which the pipeline demands beside the declarations file. The bundle is a small JSON blob,
 * {@code {"declarations": sha256, "evidence": {"docs/provisioning.md": sha256, …}}}; its own digest stands for the
 * declarations in the {@link BatchKey}, so changing a cited document is changed declarations too. On the worker
 * the files are laid out again with the same relative paths.
 */
final class DeclarationsBundle {
    private DeclarationsBundle() {
    }

    /** Stores the declarations, every file they cite, and the bundle; returns the bundle's digest. */
    static String put(Path declarations, Catalog catalog, BlobStore blobs) throws IOException {
        ObjectNode bundle = Json.mapper().createObjectNode();
        bundle.put("declarations", putFile(declarations, blobs));
        ObjectNode evidence = bundle.putObject("evidence");
        for (InputRecord cited : DeclarationEvidence.records(DeclarationsLoader.load(declarations, catalog), declarations)) {
            evidence.put(cited.name(), putFile(Path.of(cited.path()), blobs));
        }
        byte[] json = Json.mapper().writeValueAsBytes(bundle);
        return blobs.put(new ByteArrayInputStream(json), json.length).sha256();
    }

    /**
     * Lays the bundle out under {@code dir} (the declarations file named {@code fileName}, the cited files at their
     * relative paths) and returns the declarations file. A cited path that climbs up ("../report.pdf") gets as
     * many folders above the declarations file; none may leave {@code dir}.
     */
    static Path materialise(String bundleSha, String fileName, BlobStore blobs, Path blobScratch, Path dir) throws IOException {
        JsonNode bundle;
        try (InputStream in = blobs.open(bundleSha)) {
            bundle = Json.mapper().readTree(in);
        }
        int up = 0;
        for (Iterator<String> names = bundle.path("evidence").fieldNames(); names.hasNext(); ) {
            up = Math.max(up, climbs(names.next()));
        }
        Path base = dir;
        for (int i = 0; i < up; i++) {
            base = base.resolve("d" + i);
        }
        Path declarations = copy(bundle.path("declarations").asText(), base.resolve(AssessImageJob.safeName(fileName)), blobs, blobScratch);
        for (Iterator<Map.Entry<String, JsonNode>> it = bundle.path("evidence").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path target = base.resolve(e.getKey()).normalize();
            if (!target.startsWith(dir) || target.equals(declarations)) {
                throw new IOException("declaration evidence path leaves its folder: " + e.getKey());
            }
            copy(e.getValue().asText(), target, blobs, blobScratch);
        }
        return declarations;
    }

    /** How many folders a relative path climbs above its start at its highest. */
    static int climbs(String relative) {
        int depth = 0;
        int min = 0;
        for (String part : relative.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            min = Math.min(min, depth);
        }
        return -min;
    }

    private static Path copy(String sha, Path target, BlobStore blobs, Path blobScratch) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(blobs.materialise(sha, blobScratch), target);
        return target;
    }

    private static String putFile(Path file, BlobStore blobs) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return blobs.put(in, Long.MAX_VALUE).sha256();
        }
    }

}
