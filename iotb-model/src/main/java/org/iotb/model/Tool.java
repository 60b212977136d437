package org.iotb.model;

/** The tool's own name and version, as recorded in every JSON output. */
public final class Tool {
    public static final String NAME = "iotb";

    private Tool() {
    }

    public static String version() {
        String v = Tool.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    public static String nameAndVersion() {
        return NAME + " " + version();
    }
}
