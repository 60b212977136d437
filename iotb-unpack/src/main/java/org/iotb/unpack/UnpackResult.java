package org.iotb.unpack;

import java.nio.file.Path;
import java.util.List;
import org.iotb.unpack.manifest.ContainerRecord;
import org.iotb.unpack.manifest.EntropyProfile;
import org.iotb.unpack.manifest.Manifest;
import org.iotb.unpack.manifest.ManifestEntry;
import org.iotb.unpack.manifest.Region;
import org.iotb.unpack.manifest.UBootEnvironment;

/** What an unpack produced: the manifest (also written to {@code outDir/manifest.json}) and where things are. */
public record UnpackResult(Path outputDir, Path manifestFile, Manifest manifest) {

    public List<ManifestEntry> entries() {
        return manifest.entries();
    }

    public List<ContainerRecord> containers() {
        return manifest.containers();
    }

    public List<String> warnings() {
        return manifest.warnings();
    }

    public List<Region> unrecognised() {
        return manifest.unrecognised();
    }

    public EntropyProfile entropy() {
        return manifest.entropy();
    }

    /** Every CRC-valid U-Boot environment block found anywhere in the image. */
    public List<UBootEnvironment> ubootEnvironments() {
        return manifest.ubootEnvironments();
    }

    /** The extracted tree's root, {@code outDir/<image-name>.extracted}. */
    public Path extractedRoot() {
        return outputDir.resolve(manifest.root());
    }

    /** On-disk path of an entry. */
    public Path pathOf(ManifestEntry e) {
        return outputDir.resolve(e.path());
    }
}
