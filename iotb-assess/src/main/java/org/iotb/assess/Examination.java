package org.iotb.assess;

/**
 * How far an input could be examined. A firmware image that is not firmware, or whose content could not be
 * unpacked (no file system, high entropy throughout), was {@link Coverage#NONE not examined}: the checks that ran
 * on it saw nothing, so their passes prove nothing. An image the unpacker stopped early on (its limits were hit)
 * was examined {@link Coverage#PARTIAL partly}: a pass may have missed the part that was not extracted.
 *
 * @param note what was tried and what was seen, in words (the verdict reasons and warnings quote it)
 */
public record Examination(Coverage coverage, String note) {

    public enum Coverage { FULL, PARTIAL, NONE }

    public static final Examination FULL = new Examination(Coverage.FULL, null);

    public static Examination partial(String note) {
        return new Examination(Coverage.PARTIAL, note);
    }

    public static Examination none(String note) {
        return new Examination(Coverage.NONE, note);
    }

    public boolean full() {
        return coverage == Coverage.FULL;
    }
}
