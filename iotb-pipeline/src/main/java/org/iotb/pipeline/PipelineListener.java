package org.iotb.pipeline;

/**
 * What an assessment run reports while it works: a stage starts ("unpacking fw.bin"), shows progress within the
 * stage ("1200 files, 14 MiB"), and ends with a summary ("1532 findings"). Stages do not nest; a stage's progress
 * may be reported from another thread than the one that started it. The command line shows these on stderr
 * ({@code org.iotb.cli.common.Progress}); a server or a worker records or forwards them.
 */
public interface PipelineListener {
    /** A listener that ignores everything. */
    PipelineListener NONE = new PipelineListener() {
        @Override
        public void stageStarted(String stage) {
        }

        @Override
        public void progress(String status) {
        }

        @Override
        public void stageDone(String summary) {
        }
    };

    void stageStarted(String stage);

    /** A status update inside the current stage; may come often (a listener throttles if it must). */
    void progress(String status);

    void stageDone(String summary);
}
