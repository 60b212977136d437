package org.iotb.cli.scan;

import org.iotb.model.ScanResult;

/** Opens the package-private table renderer to tests in other packages. */
public final class FindingsOutputAccess {
    private FindingsOutputAccess() {
    }

    public static String table(ScanResult r) {
        return FindingsOutput.table(r);
    }
}
