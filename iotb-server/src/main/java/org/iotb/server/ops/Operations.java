package org.iotb.server.ops;

import java.util.Map;

/**
 * What /health and /metrics ask the machinery under the Workspace: is the database reachable, is the job queue
 * running, how many assessment runs are in each state. {@code iotb serve} answers from the store's Database and
 * JobQueue; {@link #UNKNOWN} is for servers started without them (unit tests).
 */
public interface Operations {

    boolean databaseReachable();

    boolean queueRunning();

    /** Run counts by status id ("queued", "running", "done", "failed"). */
    Map<String, Long> assessmentsByStatus();

    Operations UNKNOWN = new Operations() {
        @Override
        public boolean databaseReachable() {
            return true;
        }

        @Override
        public boolean queueRunning() {
            return true;
        }

        @Override
        public Map<String, Long> assessmentsByStatus() {
            return Map.of();
        }
    };
}
