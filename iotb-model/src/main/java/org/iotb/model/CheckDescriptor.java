package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The documentation of a check: its stable id ({@code fw.elf.pie}, {@code net.tls.legacy-protocol}), what it
 * inspects, why it matters and how to fix what it finds. Descriptors are data (YAML) in each module.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckDescriptor(
        String id,
        String source,
        String title,
        String description,
        String rationale,
        String remediation,
        Boolean intrusive) {
}
