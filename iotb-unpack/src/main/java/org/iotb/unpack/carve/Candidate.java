package org.iotb.unpack.carve;

/** A place where handler {@code handler} (index into the engine's handler list) may start. */
public record Candidate(long offset, int handler) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate o) {
        int c = Long.compare(offset, o.offset);
        return c != 0 ? c : Integer.compare(handler, o.handler);
    }
}
