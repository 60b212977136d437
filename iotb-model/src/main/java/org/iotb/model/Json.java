package org.iotb.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON and YAML configuration of the project: kebab-case is not used for JSON (camel-case field
 * names as declared), dates as ISO strings, pretty output, unknown fields tolerated on read.
 */
public final class Json {
    /** Built on first use, each on its own: a run that writes only JSON never pays for the YAML factory. */
    private static final class JsonHolder {
        static final ObjectMapper JSON = configure(new ObjectMapper());
    }

    private static final class YamlHolder {
        static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    }

    private Json() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return m;
    }

    public static ObjectMapper mapper() {
        return JsonHolder.JSON;
    }

    public static ObjectMapper yaml() {
        return YamlHolder.YAML;
    }

    /** A YAML mapper that maps kebab-case keys (firmware-version) to camel-case Java names. */
    public static ObjectMapper kebabYaml() {
        return YamlHolder.YAML.copy().setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
    }
}
