package org.iotb.assess.ixit;

import java.util.List;
import java.util.Map;
import org.iotb.catalog.declarations.Declarations;

/**
 * What an IXIT file answers: its provisions' answers as declarations (of the standard the specification tests),
 * the line of each answer by requirement key (to name it in a conflict), and how many entries still carry
 * {@code prefilled: firmware} (not yet confirmed by the supplier).
 */
public record IxitAnswers(String source, Declarations declarations, Map<String, Integer> lines, int unconfirmed,
                          List<String> tables) {
    public IxitAnswers {
        lines = Map.copyOf(lines);
        tables = List.copyOf(tables);
    }
}
