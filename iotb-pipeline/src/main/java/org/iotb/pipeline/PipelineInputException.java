package org.iotb.pipeline;

/**
 * A problem with what the caller gave the pipeline (a missing image, an unreadable option value), as opposed to a
 * bug: the command line prints the message alone and exits with 2, a server answers "bad request".
 */
public class PipelineInputException extends RuntimeException {
    public PipelineInputException(String message) {
        super(message);
    }
}
