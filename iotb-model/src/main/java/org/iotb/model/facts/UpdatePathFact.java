package org.iotb.model.facts;

import java.util.List;

/**
 * An update mechanism the image holds: opkg, usign, sysupgrade, rauc, swupdate, mender, fw_setenv or a vendor
 * update script, with the files that show it.
 *
 * @param mechanism the tool's name as the firmware analysis calls it
 * @param paths     files (at most ten) that show it, relative to the tree root
 */
public record UpdatePathFact(String mechanism, List<String> paths) {
    public UpdatePathFact {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public UpdatePathFact withPathPrefix(String prefix) {
        return new UpdatePathFact(mechanism, paths.stream().map(p -> prefix + "/" + p).toList());
    }
}
