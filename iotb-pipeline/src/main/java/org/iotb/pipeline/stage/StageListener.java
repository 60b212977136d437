package org.iotb.pipeline.stage;

/**
 * What the staged pipeline tells besides the {@link org.iotb.pipeline.PipelineListener}'s progress: each stage's
 * outcome as it ends, and each stored output it would not take (with why: it is computed again). A server records
 * them with the run; the command line prints the rejected ones as warnings.
 */
public interface StageListener {
    StageListener NONE = new StageListener() {
        @Override
        public void stageFinished(StageOutcome outcome) {
        }

        @Override
        public void outputRejected(Stage stage, String subject, StageKey key, String why) {
        }
    };

    void stageFinished(StageOutcome outcome);

    void outputRejected(Stage stage, String subject, StageKey key, String why);
}
