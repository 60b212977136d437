package org.iotb.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import org.iotb.model.Json;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Role;

/**
 * The API's JSON: the project's one Jackson configuration ({@link Json}), with roles and job statuses written as
 * their ids ("client-viewer", "done") as in the database and the OpenAPI document, and compact output.
 */
public final class ApiJson implements JsonMapper {
    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("iotb-ids")
                    .addSerializer(Role.class, new IdSerializer<>(Role.class, Role::id))
                    .addSerializer(JobStatus.class, new IdSerializer<>(JobStatus.class, JobStatus::id)));

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return write(obj);
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        try {
            return MAPPER.readValue(json, MAPPER.constructType(type));
        } catch (JsonProcessingException e) {
            throw new io.javalin.http.BadRequestResponse("malformed JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type type) {
        try {
            return MAPPER.readValue(json, MAPPER.constructType(type));
        } catch (JsonProcessingException e) {
            throw new io.javalin.http.BadRequestResponse("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class IdSerializer<T> extends StdSerializer<T> {
        private final java.util.function.Function<T, String> id;

        IdSerializer(Class<T> type, java.util.function.Function<T, String> id) {
            super(type);
            this.id = id;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(id.apply(value));
        }
    }
}
