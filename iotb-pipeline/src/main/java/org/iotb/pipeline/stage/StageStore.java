package org.iotb.pipeline.stage;

import java.io.IOException;
import java.util.Optional;

/**
 * Where stage outputs are kept, by {@link StageKey}: a directory ({@link DirectoryStageStore}, {@code iotb assess
 * --cache DIR}), the workspace's blob store (iotb-store), or nothing ({@link #NONE}). A store only keeps bytes; the
 * pipeline checks every output it gets back ({@link StageCodec}) and never trusts one that does not read as the
 * output of that stage and key, so a store may lose, truncate or mix up entries without making a result wrong.
 * Implementations must be safe to call from several threads and processes (a put is all-or-nothing).
 */
public interface StageStore {
    /** A store that keeps nothing: every stage is computed (what {@code AssessmentPipeline.run} uses). */
    StageStore NONE = new StageStore() {
        @Override
        public Optional<byte[]> get(StageKey key) {
            return Optional.empty();
        }

        @Override
        public void put(StageKey key, byte[] output) {
        }

        @Override
        public boolean keeps() {
            return false;
        }
    };

    /** The output stored under this key, if any. */
    Optional<byte[]> get(StageKey key) throws IOException;

    /** Stores an output under its key (replacing any there). */
    void put(StageKey key, byte[] output) throws IOException;

    /** False for a store that keeps nothing: then the pipeline does not even compute keys. */
    default boolean keeps() {
        return true;
    }
}
