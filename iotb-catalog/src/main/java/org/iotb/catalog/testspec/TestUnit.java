package org.iotb.catalog.testspec;

/**
 * A test unit ("5.1-1-2c"): its kind (conceptual: the design the IXIT describes; functional: the device under
 * test), the IXIT table it reads, the kind of test ({@code method}, e.g. "review", "ui", "passwords"), the test case
 * it takes its outcome from when it is a cross-reference ({@code refersTo}, else null), what it does in iotb's words
 * and the evidence that decides it.
 */
public record TestUnit(String id, String kind, String ixit, String method, String refersTo, String text,
                       UnitEvidence evidence) {

    public static final String CONCEPTUAL = "conceptual";
    public static final String FUNCTIONAL = "functional";

    public TestUnit {
        evidence = evidence == null ? new UnitEvidence(false, null, false, false) : evidence;
    }

    public boolean functional() {
        return FUNCTIONAL.equals(kind);
    }

    public boolean crossReference() {
        return refersTo != null;
    }
}
