package org.iotb.model;

import java.io.IOException;

/**
 * Renders a scan result in a named format (table, json, sarif). The command line supplies the one
 * implementation, so `iotb scan firmware` and `iotb scan device` print the same shapes.
 */
@FunctionalInterface
public interface ScanRenderer {
    String render(ScanResult result, String format) throws IOException;
}
