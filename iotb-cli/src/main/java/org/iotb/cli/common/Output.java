package org.iotb.cli.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.iotb.model.io.SafeOutput;

/** Writes command output to a file when -o is given (through {@link SafeOutput}), else to the command's standard output. */
public final class Output {
    private Output() {
    }

    public static void write(String text, Path file, PrintWriter out) throws IOException {
        if (file == null) {
            out.print(text);
            out.flush();
        } else {
            SafeOutput.writeString(file, text); // never through a planted link
        }
    }

    /** For commands that write templates: an existing file is only replaced when the user said --force. */
    public static void refuseOverwrite(Path file, boolean force) {
        if (file != null && java.nio.file.Files.exists(file) && !force) {
            throw new org.iotb.cli.UserInputException(file + " exists; use --force to overwrite");
        }
    }

    /** True when a person is watching: a console is attached and we are not in CI. */
    public static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
