package org.iotb.cli.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes command output to a file when -o is given, else to the command's standard output. */
public final class Output {
    private Output() {
    }

    public static void write(String text, Path file, PrintWriter out) throws IOException {
        if (file == null) {
            out.print(text);
            out.flush();
        } else {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    /** True when a person is watching: a console is attached and we are not in CI. */
    public static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
