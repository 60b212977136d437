package org.iotb.probe.facts;

import java.util.List;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.iotb.probe.discovery.Service;

/**
 * The typed facts of a probed device: the services discovery found listening (the same list net.svc.inventory
 * reports). An empty list means the device was scanned and nothing answered.
 */
public final class DeviceFactsExtractor {
    private DeviceFactsExtractor() {
    }

    public static SystemFacts extract(List<Service> services) {
        return SystemFacts.EMPTY.withServices(services.stream().map(DeviceFactsExtractor::fact).toList());
    }

    static ServiceFact fact(Service s) {
        return ServiceFact.listening(s.service(), s.port(), s.transport(), s.tls(), s.banner() == null ? "" : s.banner());
    }
}
