package org.iotb.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.iotb.model.Json;
import org.iotb.server.security.LoginThrottle;
import org.iotb.server.security.Sessions;
import org.iotb.server.security.Web;
import org.junit.jupiter.api.Test;

/** Every route ApiRoutes registers is in openapi.yaml with its method, and every path+method there is registered. */
class OpenApiRoutesTest {

    @Test
    void theDocumentAndTheRegisteredRoutesAreTheSame() throws Exception {
        Recorder recorder = new Recorder();
        Web web = new Web(new Sessions(Duration.ofHours(1), Clock.systemUTC()), t -> Optional.empty(), false, 1);
        ApiRoutes.register(recorder, null, web, new LoginThrottle(Clock.systemUTC()));

        Set<String> documented = new TreeSet<>();
        try (InputStream in = ApiRoutes.class.getResourceAsStream(ApiRoutes.OPENAPI)) {
            JsonNode doc = Json.yaml().readTree(in);
            assertThat(doc.path("openapi").asText()).startsWith("3.1");
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String m = methods.next();
                    if (Set.of("get", "post", "put", "patch", "delete").contains(m)) {
                        documented.add(m.toUpperCase() + " " + path.getKey());
                    }
                }
            }
        }
        assertThat(recorder.routes).isNotEmpty().allMatch(r -> r.contains(" /api/v1/"));
        assertThat(recorder.routes).as("registered routes missing from openapi.yaml")
                .isSubsetOf(documented);
        assertThat(documented).as("documented routes that are not registered").isSubsetOf(recorder.routes);
    }

    /** Collects method and path of each endpoint, as Javalin's routing API would register them. */
    static final class Recorder implements JavalinDefaultRoutingApi {
        final Set<String> routes = new TreeSet<>();

        @Override
        public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
            routes.add(endpoint.method.name() + " " + endpoint.path);
            return this;
        }

        @Override
        public <E extends Exception> JavalinDefaultRoutingApi exception(Class<E> type, ExceptionHandler<? super E> h) {
            return this;
        }

        @Override
        public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
            return this;
        }

        @Override
        public <E extends Exception> JavalinDefaultRoutingApi wsException(Class<E> type, WsExceptionHandler<? super E> h) {
            return this;
        }

        @Override
        public JavalinDefaultRoutingApi addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> ws, RouteRole... roles) {
            return this;
        }
    }
}
