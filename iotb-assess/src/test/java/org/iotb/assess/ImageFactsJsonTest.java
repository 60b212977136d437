package org.iotb.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotb.model.Json;
import org.iotb.model.facts.ServiceFact;
import org.junit.jupiter.api.Test;

/** The image's boot services are typed facts, but the assessment JSON keeps its old {name, source, line} shape. */
class ImageFactsJsonTest {
    @Test
    void servicesKeepTheirJsonShapeAndReadBack() throws Exception {
        ImageFacts img = new ImageFacts("fw.bin", "a".repeat(64), 10L, null, List.of(),
                List.of(ServiceFact.boot("dnsmasq", "init.d", "etc/init.d/dnsmasq", 4, "/usr/sbin/dnsmasq -C x"),
                        ServiceFact.boot("telnetd", "inittab", "etc/inittab", null, null)), List.of());
        String json = Json.mapper().writeValueAsString(img);
        assertThat(json.replaceAll("\\s", "")).contains("\"services\":[{\"name\":\"dnsmasq\",\"source\":"
                + "\"etc/init.d/dnsmasq\",\"line\":4},{\"name\":\"telnetd\",\"source\":\"etc/inittab\"}]");
        ImageFacts back = Json.mapper().readValue(json, ImageFacts.class);
        assertThat(back.services()).extracting(ServiceFact::name, ServiceFact::source, ServiceFact::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dnsmasq", "etc/init.d/dnsmasq", 4),
                        org.assertj.core.groups.Tuple.tuple("telnetd", "etc/inittab", null));
    }
}
