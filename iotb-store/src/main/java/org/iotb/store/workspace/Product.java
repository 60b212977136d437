package org.iotb.store.workspace;

import java.time.Instant;

/** A product (device model) of an organisation, with its product profile as the YAML `iotb profile init` writes. */
public record Product(long id, long organisationId, String name, String profileYaml, Instant createdAt) {
}
