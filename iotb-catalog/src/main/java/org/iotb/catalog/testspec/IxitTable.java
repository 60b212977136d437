package org.iotb.catalog.testspec;

/**
 * One of the 29 IXIT tables of ETSI TS 103 701 (the supplier's implementation information for testing):
 * {@code number} and {@code id} as the public sources give them (1, "AuthMech"), {@code name} and {@code asks}
 * in iotb's words.
 */
public record IxitTable(int number, String id, String name, String asks) {

    /** How labs and tcsfw write the table: "1-AuthMech". */
    public String ref() {
        return number + "-" + id;
    }
}
