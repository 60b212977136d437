package org.iotb.pipeline;

import org.iotb.assess.Assessment;

/**
 * No input of the request could be examined (every firmware image was not firmware or could not be unpacked, and
 * no device was given). The assessment is still made, so the caller can write the reports that say what was tried
 * (the warnings and the images' entropy); the run must not end as a success (exit code 2).
 */
public final class NothingExaminedException extends PipelineInputException {
    private final transient Assessment assessment;

    public NothingExaminedException(String message, Assessment assessment) {
        super(message);
        this.assessment = assessment;
    }

    /** The assessment made from what there was: every requirement a firmware check reads is inconclusive. */
    public Assessment assessment() {
        return assessment;
    }
}
