package org.iotb.probe.discovery;

import java.util.List;

/**
 * What the connect scan saw: open ports, how many ports gave no answer within the timeout (filtered), and
 * whether the scan finished or was cut by the time budget.
 */
public record PortScanResult(List<Integer> open, int closed, int filtered, int notTried, long millis) {
    public boolean complete() {
        return notTried == 0;
    }
}
