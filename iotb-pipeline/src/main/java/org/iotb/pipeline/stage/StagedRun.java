package org.iotb.pipeline.stage;

import java.util.List;
import org.iotb.assess.Assessment;

/**
 * A staged run's result: the assessment (the same as {@code AssessmentPipeline.run} gives for the request, apart
 * from timings and, when the verdicts were reused, createdAt), what happened to each stage in order, and the
 * warnings about the store (outputs not taken, outputs that could not be stored); those are not the assessment's.
 */
public record StagedRun(Assessment assessment, List<StageOutcome> stages, List<String> storeWarnings) {
    public StagedRun {
        stages = List.copyOf(stages);
        storeWarnings = List.copyOf(storeWarnings);
    }

    /** The outcomes of one stage (one per image for evidence and match). */
    public List<StageOutcome> of(Stage stage) {
        return stages.stream().filter(s -> s.stage() == stage).toList();
    }

    /** True when every stage's output came from the store. */
    public boolean allReused() {
        return stages.stream().allMatch(StageOutcome::reused);
    }

    /** True when every outcome of this stage came from the store (false when it did not run). */
    public boolean reused(Stage stage) {
        List<StageOutcome> of = of(stage);
        return !of.isEmpty() && of.stream().allMatch(StageOutcome::reused);
    }
}
