package org.iotb.assess.lab;

/** A lab record that cannot be used: unreadable, a key or value it does not know, a missing attachment. */
public final class LabRecordException extends RuntimeException {
    public LabRecordException(String message) {
        super(message);
    }
}
