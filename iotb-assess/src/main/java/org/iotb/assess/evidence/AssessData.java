package org.iotb.assess.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.iotb.model.Json;

/** Loads this module's YAML data files (check families, service ports). */
final class AssessData {
    private AssessData() {
    }

    static <T> T load(String resource, TypeReference<T> type) {
        try (InputStream in = AssessData.class.getResourceAsStream("/org/iotb/assess/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + resource);
            }
            return Json.yaml().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
