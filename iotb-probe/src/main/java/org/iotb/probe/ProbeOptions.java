package org.iotb.probe;

import java.time.Duration;
import java.util.List;

/**
 * How hard and how long to probe. The defaults are polite for a consumer device: the common IoT ports,
 * short timeouts, a connection-rate cap, a small attempt budget and a 5-minute global budget.
 *
 * @param tcpPorts          ports to connect-scan; null means {@link Ports#COMMON}
 * @param udp               also send the UDP discovery probes (SSDP, mDNS, CoAP, SNMP, TFTP)
 * @param udpPorts          UDP ports from --udp-ports ({@link org.iotb.probe.net.UdpPortSpec}): per protocol name
 *                          (coap, coaps, ssdp, mdns, snmp, tftp) the port its probe goes to, and "any:PORT" for
 *                          ports every probe is sent to; empty = the well-known ports
 * @param intrusive         allow credential guessing, brute-force measurement and malformed input
 * @param connectTimeout    per connection attempt
 * @param readTimeout       per read
 * @param ratePerSecond     new TCP connections per second during the port scan (0 = unlimited)
 * @param concurrency       connections in flight at once
 * @param attemptBudget     most login attempts per service (default credentials and brute-force each)
 * @param budget            global time budget for the whole scan
 * @param credentials       default credentials to try; null means the built-in list
 */
public record ProbeOptions(
        List<Integer> tcpPorts,
        boolean udp,
        java.util.Map<String, Integer> udpPorts,
        boolean intrusive,
        Duration connectTimeout,
        Duration readTimeout,
        int ratePerSecond,
        int concurrency,
        int attemptBudget,
        Duration budget,
        List<Credential> credentials) {

    public static ProbeOptions defaults() {
        return new ProbeOptions(null, false, java.util.Map.of(), false, Duration.ofMillis(1500),
                Duration.ofMillis(2000), 20_000, 512, 20, Duration.ofMinutes(5), null);
    }

    public List<Integer> effectivePorts() {
        return tcpPorts == null ? Ports.COMMON : tcpPorts;
    }

    public int connectMillis() {
        return (int) connectTimeout.toMillis();
    }

    public int readMillis() {
        return (int) readTimeout.toMillis();
    }

    public ProbeOptions withPorts(List<Integer> ports) {
        return new ProbeOptions(ports, udp, udpPorts, intrusive, connectTimeout, readTimeout, ratePerSecond,
                concurrency, attemptBudget, budget, credentials);
    }

    public ProbeOptions withUdp(boolean on, java.util.Map<String, Integer> overrides) {
        return new ProbeOptions(tcpPorts, on, overrides, intrusive, connectTimeout, readTimeout, ratePerSecond,
                concurrency, attemptBudget, budget, credentials);
    }

    /** UDP probing on, to the ports of an --udp-ports list ("coap=5684,snmp=1161,5000"); null keeps the standard ports. */
    public ProbeOptions withUdpPorts(String spec) {
        return spec == null ? this : withUdp(true, org.iotb.probe.net.UdpPortSpec.parse(spec));
    }

    public ProbeOptions withIntrusive(boolean on) {
        return new ProbeOptions(tcpPorts, udp, udpPorts, on, connectTimeout, readTimeout, ratePerSecond,
                concurrency, attemptBudget, budget, credentials);
    }

    public ProbeOptions withTimeouts(Duration connect, Duration read) {
        return new ProbeOptions(tcpPorts, udp, udpPorts, intrusive, connect, read, ratePerSecond,
                concurrency, attemptBudget, budget, credentials);
    }

    public ProbeOptions withRate(int perSecond, int inFlight) {
        return new ProbeOptions(tcpPorts, udp, udpPorts, intrusive, connectTimeout, readTimeout, perSecond,
                Math.max(1, inFlight), attemptBudget, budget, credentials);
    }

    public ProbeOptions withAttemptBudget(int attempts) {
        return new ProbeOptions(tcpPorts, udp, udpPorts, intrusive, connectTimeout, readTimeout, ratePerSecond,
                concurrency, Math.max(1, attempts), budget, credentials);
    }

    public ProbeOptions withBudget(Duration total) {
        return new ProbeOptions(tcpPorts, udp, udpPorts, intrusive, connectTimeout, readTimeout, ratePerSecond,
                concurrency, attemptBudget, total, credentials);
    }

    public ProbeOptions withCredentials(List<Credential> list) {
        return new ProbeOptions(tcpPorts, udp, udpPorts, intrusive, connectTimeout, readTimeout, ratePerSecond,
                concurrency, attemptBudget, budget, list);
    }
}
