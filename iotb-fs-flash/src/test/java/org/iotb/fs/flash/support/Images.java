package org.iotb.fs.flash.support;

import java.nio.file.Path;
import java.util.List;

/** Reference images built with mtd-utils. */
public final class Images {
    private Images() {
    }

    public static Path mkfsUbifs(Path src, Path img, String compr, String minIo, String leb) throws Exception {
        Tools.run(List.of(Tools.find("mkfs.ubifs", "mtd-utils").toString(), "-r", src.toString(), "-m", minIo, "-e", leb,
                "-c", "64", "-x", compr, "-o", img.toString()));
        return img;
    }
}
