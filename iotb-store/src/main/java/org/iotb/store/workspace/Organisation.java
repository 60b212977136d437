package org.iotb.store.workspace;

/** A client of a lab, or the maker's own company: it owns products; client-viewers belong to one. */
public record Organisation(long id, String name) {
}
