package org.iotb.pipeline.stage;

/**
 * What happened to one stage of a run: its output was taken from the store ({@link Status#REUSED}), computed and
 * stored ({@link Status#COMPUTED}) or computed without a key ({@link Status#NOT_STORED}: a directory given as
 * firmware has no content hash, a catalog other than the bundled one has no identity, or the store keeps nothing).
 *
 * @param subject the image's name for the per-image stages, "assessment" for the verdicts
 * @param key null when not stored
 */
public record StageOutcome(Stage stage, String subject, StageKey key, Status status, long millis) {

    public enum Status { REUSED, COMPUTED, NOT_STORED }

    public boolean reused() {
        return status == Status.REUSED;
    }

    @Override
    public String toString() {
        return stage.id() + " " + subject + ": " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (key == null ? "" : " (" + key.hex().substring(0, 12) + ")") + ", " + millis + " ms";
    }
}
