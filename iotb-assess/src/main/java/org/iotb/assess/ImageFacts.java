package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.iotb.model.facts.ServiceFact;

/**
 * What the report shows about one firmware image: its hash, its entropy profile (Shannon entropy in bits per
 * byte, 0..8, one value per {@code entropyBlockSize} bytes, as the unpacker measures it), the services it starts
 * and the warnings of unpacking it.
 *
 * <p>{@code services} are the image's boot {@link ServiceFact}s; the assessment JSON has always shown only their
 * name, source and line, so the other fields are left out of it (users' scripts read that shape).
 */
public record ImageFacts(
        String name,
        String sha256,
        Long size,
        Integer entropyBlockSize,
        List<Double> entropy,
        @JsonIgnoreProperties({"kind", "via", "command", "port", "transport", "tls", "banner"})
        List<ServiceFact> services,
        List<String> unpackWarnings) {

    public ImageFacts {
        entropy = entropy == null ? List.of() : List.copyOf(entropy);
        services = services == null ? List.of() : List.copyOf(services);
        unpackWarnings = unpackWarnings == null ? List.of() : List.copyOf(unpackWarnings);
    }
}
