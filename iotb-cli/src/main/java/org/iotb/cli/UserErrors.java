package org.iotb.cli;

import java.nio.file.NoSuchFileException;
import org.iotb.catalog.CatalogException;
import org.iotb.model.io.PathRefusedException;
import org.iotb.pipeline.PipelineInputException;
import picocli.CommandLine;

/**
 * Turns a problem with the user's input into a one-line message and exit code 2; anything else is a bug and keeps
 * its stack trace. A named class rather than a lambda: the class-data archive cannot hold a lambda that
 * implements one of picocli's (Java 5) interfaces, so a lambda here would be generated anew on every run.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (ex instanceof NoSuchFileException) {
            commandLine.getErr().println("iotb: no such file: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof CatalogException || ex instanceof UserInputException
                || ex instanceof PipelineInputException || ex instanceof PathRefusedException) {
            commandLine.getErr().println("iotb: " + ex.getMessage());
            return 2;
        }
        throw ex;
    }
}
