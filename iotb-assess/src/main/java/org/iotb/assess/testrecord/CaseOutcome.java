package org.iotb.assess.testrecord;

import java.util.List;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;

/**
 * The outcome of one test case ("5.1-1-2", functional): the IXIT tables its units read, its verdict and basis
 * combined from its units ({@link Outcomes#combine}), a one-line account of them, and the units.
 */
public record CaseOutcome(String id, String kind, List<String> ixitTables, VerdictValue verdict, Basis basis,
                          String reason, List<UnitOutcome> units) {
    public CaseOutcome {
        ixitTables = ixitTables == null ? List.of() : List.copyOf(ixitTables);
        units = units == null ? List.of() : List.copyOf(units);
    }
}
