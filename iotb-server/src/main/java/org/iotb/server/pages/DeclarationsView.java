package org.iotb.server.pages;

import java.util.List;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.DeclarationsVersion;
import org.iotb.store.workspace.Product;

/**
 * The declarations editor: the questions with their answers and evidence, the assessment the evidence is from
 * (null: none finished yet), and the history of revisions (newest first): who saved each, why, and which answers it
 * changed.
 */
public record DeclarationsView(Product product, List<DeclarationQuestions.Question> questions, AssessmentRun evidenceFrom,
                               List<Revision> history) {

    /** One saved revision and, in words, the answers it changed from the one before. */
    public record Revision(DeclarationsVersion version, String changed) {
    }

    public int revision() {
        return history.isEmpty() ? 0 : history.get(0).version().number();
    }
}
