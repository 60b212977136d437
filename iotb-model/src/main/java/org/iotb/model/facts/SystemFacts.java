package org.iotb.model.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed facts of one input (a firmware image or a probed device). A null field means "not observed" (the
 * module that knows it did not look, or the input cannot show it); an empty list means "looked, found none".
 * That difference matters: a firmware-versus-device comparison needs both sides to have looked.
 *
 * <p>Produced by {@code FirmwareFactsExtractor} (os, boot services, accounts, interfaces, update paths),
 * {@code SbomFactsExtractor} (components) and {@code DeviceFactsExtractor} (listening services); see
 * docs/facts.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemFacts(
        OsFact os,
        List<ServiceFact> services,
        List<AccountFact> accounts,
        List<InterfaceFact> interfaces,
        List<ComponentFact> components,
        List<UpdatePathFact> updatePaths) {

    /** Nothing observed. */
    public static final SystemFacts EMPTY = new SystemFacts(null, null, null, null, null, null);

    public SystemFacts {
        services = copy(services);
        accounts = copy(accounts);
        interfaces = copy(interfaces);
        components = copy(components);
        updatePaths = copy(updatePaths);
    }

    /**
     * These facts together with {@code other}'s (another root file system of the same image, or another module's
     * view of it): lists are concatenated, this one's first; of two OS facts the first recognised one is kept,
     * else this one's.
     */
    public SystemFacts merge(SystemFacts other) {
        if (other == null || other == EMPTY) {
            return this;
        }
        OsFact mergedOs = os == null || !os.known() && other.os != null && other.os.known() ? other.os : os;
        return new SystemFacts(mergedOs, concat(services, other.services), concat(accounts, other.accounts),
                concat(interfaces, other.interfaces), concat(components, other.components),
                concat(updatePaths, other.updatePaths));
    }

    public SystemFacts withComponents(List<ComponentFact> list) {
        return new SystemFacts(os, services, accounts, interfaces, list, updatePaths);
    }

    public SystemFacts withServices(List<ServiceFact> list) {
        return new SystemFacts(os, list, accounts, interfaces, components, updatePaths);
    }

    /** The services of {@code kind}; empty when none or not observed. */
    public List<ServiceFact> services(ServiceFact.Kind kind) {
        return services == null ? List.of() : services.stream().filter(s -> s.kind() == kind).toList();
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? null : List.copyOf(l);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
