package org.iotb.model;

import java.util.List;

/**
 * Service-provider interface: each module that owns checks lists their descriptors here
 * (registered in META-INF/services), so `iotb checks list` and reports find them all.
 */
public interface CheckProvider {
    List<CheckDescriptor> checks();
}
