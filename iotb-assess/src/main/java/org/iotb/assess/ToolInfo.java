package org.iotb.assess;

import org.iotb.model.Tool;

/** The tool that produced an assessment. */
public record ToolInfo(String name, String version) {
    public static ToolInfo current() {
        return new ToolInfo(Tool.NAME, Tool.version());
    }
}
