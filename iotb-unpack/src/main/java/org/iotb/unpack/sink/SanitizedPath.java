package org.iotb.unpack.sink;

import java.util.List;

/** A stored name made safe: relative components with no "..", no separators, no control characters. */
public record SanitizedPath(List<String> components, boolean changed) {
    public String joined() {
        return String.join("/", components);
    }

    public int depth() {
        return components.size();
    }
}
