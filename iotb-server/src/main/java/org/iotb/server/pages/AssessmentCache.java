package org.iotb.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.Workspace;

/**
 * Parsed assessment JSONs of the last few runs looked at (the diff and the declarations editor read them on every
 * request). Keyed by the stored blob's SHA-256, so an entry never goes stale; every read still asks the workspace
 * for the run first, with the actor, so the cache never shows anyone a run they may not see.
 */
final class AssessmentCache {
    private static final int SIZE = 16;
    private final Workspace workspace;
    private final Map<String, Assessment> parsed = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Assessment> eldest) {
            return size() > SIZE;
        }
    };

    AssessmentCache(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The finished run's assessment (the run as the workspace gives it to this actor). */
    Assessment of(Actor actor, AssessmentRun run) throws IOException {
        String key = run.assessmentSha256();
        if (key != null) {
            synchronized (parsed) {
                Assessment a = parsed.get(key);
                if (a != null) {
                    return a;
                }
            }
        }
        Assessment a;
        try (InputStream in = workspace.assessmentJson(actor, run.id())) {
            a = Assessment.read(in);
        }
        if (key != null) {
            synchronized (parsed) {
                parsed.put(key, a);
            }
        }
        return a;
    }
}
