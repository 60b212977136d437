package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The documentation of a check: its stable id ({@code fw.elf.pie}, {@code net.tls.legacy-protocol}), what it
 * inspects, why it matters and how to fix what it finds. Descriptors are data (YAML) in each module;
 * {@code source} says which kind of input the check reads, one of {@link #SOURCES}.
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
    /** The sources a check reads, as `iotb checks list --source` names them. */
    public static final List<String> SOURCES = List.of("firmware", "sbom", "device", "assessment");
}
