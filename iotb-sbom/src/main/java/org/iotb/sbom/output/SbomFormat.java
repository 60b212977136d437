package org.iotb.sbom.output;

import java.util.Locale;
import org.iotb.model.Json;
import org.iotb.sbom.Sbom;

/** The output formats of {@code iotb sbom}: cyclonedx (1.6 JSON), spdx (2.3 JSON), table (text), json (iotb's own). */
public enum SbomFormat {
    CYCLONEDX, SPDX, TABLE, JSON;

    public static SbomFormat parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** Renders an SBOM in this format. */
    public String render(Sbom sbom) {
        return switch (this) {
            case CYCLONEDX -> new CycloneDxWriter().toJson(sbom);
            case SPDX -> new SpdxWriter().toJson(sbom);
            case TABLE -> new TableWriter().toText(sbom);
            case JSON -> {
                try {
                    yield Json.mapper().writeValueAsString(sbom);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
