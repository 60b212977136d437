package org.iotb.server.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * The server's Prometheus metrics, in a registry of its own (two servers in one JVM, as in tests, do not mix):
 * {@code http_requests_total{route,method,status}}, {@code http_request_duration_seconds{route,method}},
 * {@code iotb_assessments{status}} (from {@link Operations}) and the JVM's memory and threads. The route label is the
 * route's pattern ("/api/v1/products/{id}"), never the raw path, so ids do not explode the label space.
 */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram duration;

    public Metrics(Operations operations) {
        requests = Counter.builder().name("http_requests_total").help("HTTP requests by route pattern, method and status")
                .labelNames("route", "method", "status").register(registry);
        duration = Histogram.builder().name("http_request_duration_seconds").help("HTTP request duration")
                .labelNames("route", "method").classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        GaugeWithCallback.builder().name("iotb_assessments").help("Assessment runs by status").labelNames("status")
                .callback(cb -> {
                    Map<String, Long> counts = operations.assessmentsByStatus();
                    for (String status : new String[] {"queued", "running", "done", "failed"}) {
                        cb.call(counts.getOrDefault(status, 0L), status);
                    }
                }).register(registry);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        GaugeWithCallback.builder().name("jvm_memory_used_bytes").help("JVM memory in use").labelNames("area")
                .callback(cb -> {
                    cb.call(memory.getHeapMemoryUsage().getUsed(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getUsed(), "nonheap");
                }).register(registry);
        GaugeWithCallback.builder().name("jvm_memory_max_bytes").help("JVM heap limit (-1: none)").labelNames("area")
                .callback(cb -> cb.call(memory.getHeapMemoryUsage().getMax(), "heap")).register(registry);
        GaugeWithCallback.builder().name("jvm_threads_live").help("Live JVM threads")
                .callback(cb -> cb.call(ManagementFactory.getThreadMXBean().getThreadCount())).register(registry);
    }

    public void request(String route, String method, int status, double seconds) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        duration.labelValues(route, method).observe(seconds);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
