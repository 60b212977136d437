package org.iotb.assess.ixit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;

/**
 * One source of truth for the manufacturer's answers: the declarations file and the IXIT's provisions answer the
 * same questions. Together they are one set of declarations; a question both answer alike is kept once (the
 * declarations file's wording), a question they answer differently stops the assessment and names both places.
 */
public final class IxitDeclarations {
    private IxitDeclarations() {
    }

    /**
     * @param declarations the declarations file's answers (may be {@link Declarations#NONE})
     * @param declarationsName the declarations file as named on the command line (null: none given)
     */
    public static Declarations merge(Declarations declarations, String declarationsName, IxitAnswers ixit) {
        Map<String, Map<String, Declaration>> out = new LinkedHashMap<>();
        declarations.byStandard().forEach((s, m) -> out.put(s, new LinkedHashMap<>(m)));
        List<String> conflicts = new ArrayList<>();
        ixit.declarations().byStandard().forEach((s, answers) -> answers.forEach((id, answer) -> {
            Declaration given = declarations.get(s, id).orElse(null);
            if (given == null) {
                out.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(id, answer);
            } else if (given.support() != answer.support()) {
                conflicts.add(s + " " + id + ": " + declarationsName + " says " + given.support().text() + ", "
                        + ixit.source() + " line " + ixit.lines().getOrDefault(s + ":" + id, 0) + " says "
                        + answer.support().text());
            }
        }));
        if (!conflicts.isEmpty()) {
            throw new CatalogException("the declarations and the IXIT answer " + conflicts.size() + " provision(s)"
                    + " differently (answer each in one place):\n  " + String.join("\n  ", conflicts));
        }
        return new Declarations(out, declarations.warnings());
    }

    /** The warning an assessment records while pre-filled entries wait for the supplier's confirmation. */
    public static String unconfirmedWarning(IxitAnswers ixit) {
        return ixit.unconfirmed() == 0 ? null : ixit.source() + ": " + ixit.unconfirmed() + " IXIT entr"
                + (ixit.unconfirmed() == 1 ? "y" : "ies") + " pre-filled from the firmware not yet confirmed by the"
                + " supplier (prefilled: firmware)";
    }
}
