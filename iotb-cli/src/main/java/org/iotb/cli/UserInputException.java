package org.iotb.cli;

/** A problem with what the user gave (a path, an option value): printed without a stack trace, exit code 2. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
