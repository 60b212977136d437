package org.iotb.assess;

import java.util.List;

/**
 * What the report shows about one firmware image: its hash, its entropy profile (Shannon entropy in bits per
 * byte, 0..8, one value per {@code entropyBlockSize} bytes, as the unpacker measures it), the services it starts
 * and the warnings of unpacking it.
 */
public record ImageFacts(
        String name,
        String sha256,
        Long size,
        Integer entropyBlockSize,
        List<Double> entropy,
        List<ImageService> services,
        List<String> unpackWarnings) {

    public ImageFacts {
        entropy = entropy == null ? List.of() : List.copyOf(entropy);
        services = services == null ? List.of() : List.copyOf(services);
        unpackWarnings = unpackWarnings == null ? List.of() : List.copyOf(unpackWarnings);
    }
}
