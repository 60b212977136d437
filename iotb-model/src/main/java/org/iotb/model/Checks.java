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

    /**
     * Reads a YAML list of descriptors from a class-path resource next to {@code anchor}; every descriptor gets
     * {@code source} (one of {@link CheckDescriptor#SOURCES}), so a module's file need not repeat it and cannot
     * contradict it.
     */
    public static List<CheckDescriptor> loadYaml(Class<?> anchor, String resource, String source) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing check descriptor resource " + resource);
            }
            return withSource(Json.yaml().readValue(in, new TypeReference<List<CheckDescriptor>>() { }), source,
                    resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** {@code descriptors} with {@code source} set; rejects an unknown source or a descriptor naming another. */
    public static List<CheckDescriptor> withSource(List<CheckDescriptor> descriptors, String source, String where) {
        if (!CheckDescriptor.SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown check source '" + source + "' (known: "
                    + CheckDescriptor.SOURCES + ")");
        }
        List<CheckDescriptor> out = new ArrayList<>();
        for (CheckDescriptor d : descriptors) {
            if (d.source() != null && !d.source().equals(source)) {
                throw new IllegalStateException(where + ": check " + d.id() + " says source '" + d.source()
                        + "' but the file holds " + source + " checks");
            }
            out.add(new CheckDescriptor(d.id(), source, d.title(), d.description(), d.rationale(), d.remediation(),
                    d.intrusive()));
        }
        return List.copyOf(out);
    }
}
