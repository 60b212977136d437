package org.iotb.probe;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotb.probe.discovery.PortScanResult;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Deadline;

/** What every check gets: the target, the options, the discovered services and the shared deadline. */
public final class ProbeContext {
    public final DeviceTarget target;
    public final ProbeOptions options;
    public final Deadline deadline;
    public final List<Service> services;
    public final PortScanResult portScan;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    public ProbeContext(DeviceTarget target, ProbeOptions options, Deadline deadline, List<Service> services,
            PortScanResult portScan) {
        this.target = target;
        this.options = options;
        this.deadline = deadline;
        this.services = List.copyOf(services);
        this.portScan = portScan;
    }

    public InetAddress address() {
        return target.address();
    }

    public String host() {
        return target.address().getHostAddress();
    }

    public List<Service> services(String name) {
        return services.stream().filter(s -> s.is(name)).toList();
    }

    public Conn connect(int port) throws java.io.IOException {
        return Conn.open(address(), port, options.connectMillis(), options.readMillis(), deadline);
    }

    public void warn(String w) {
        warnings.add(w);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }
}
