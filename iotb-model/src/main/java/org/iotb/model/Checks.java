package org.iotb.model;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** All check descriptors known on the class path, and the YAML loading every {@link CheckProvider} shares. */
public final class Checks {
    private Checks() {
    }

    /** Every registered check, sorted by id. */
    public static List<CheckDescriptor> all() {
        Map<String, CheckDescriptor> byId = new TreeMap<>();
        for (CheckProvider p : ServiceLoader.load(CheckProvider.class)) {
            for (CheckDescriptor d : p.checks()) {
                byId.put(d.id(), d);
            }
        }
        List<CheckDescriptor> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(CheckDescriptor::id));
        return list;
    }

    public static Optional<CheckDescriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Reads a YAML list of descriptors from a class-path resource next to {@code anchor}. */
    public static List<CheckDescriptor> loadYaml(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing check descriptor resource " + resource);
            }
            return Json.yaml().readValue(in, new TypeReference<List<CheckDescriptor>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
