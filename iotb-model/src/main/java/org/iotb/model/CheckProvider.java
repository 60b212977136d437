package org.iotb.model;

import java.util.List;

/**
 * Service-provider interface: each module that owns checks has one {@code <Module>CheckCatalog} listing their
 * descriptors, read from its {@code checks-<source>.yaml} with {@link Checks#loadYaml(Class, String, String)}
 * (registered in META-INF/services), so `iotb checks list` and reports find them all.
 */
public interface CheckProvider {
    List<CheckDescriptor> checks();
}
