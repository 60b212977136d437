package org.iotb.sbom.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iotb.model.Json;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature against realistic samples (signature-samples.yaml): the strings a real binary of the component
 * holds are laid out in an ELF-looking file between binary noise, and the whole builder must read the version
 * (or must not report the component, for the traps).
 */
class SignatureSamplesTest {
    record Sample(String component, String origin, String file, String path, List<String> strings, String expect) {
        @Override
        public String toString() {
            return component + " <- " + origin;
        }
    }

    static List<Sample> samples() throws IOException {
        try (InputStream in = SignatureSamplesTest.class.getResourceAsStream("/org/iotb/sbom/signature-samples.yaml")) {
            return Json.yaml().readValue(in, new TypeReference<List<Sample>>() { });
        }
    }

    static Stream<Sample> sampleStream() throws IOException {
        return samples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleStream")
    void readsTheVersionOfEachSample(Sample s, @TempDir Path dir) throws IOException {
        Path root = dir.resolve("root");
        Path file;
        if (s.path() != null) {
            file = root.resolve(s.path());
            Files.createDirectories(file);
        } else {
            file = root.resolve("usr/bin").resolve(s.file());
            Files.createDirectories(file.getParent());
            Files.write(file, org.iotb.sbom.TestTrees.fakeBinary(s.strings() == null ? List.of() : s.strings()));
        }
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.defaults().signaturesOnly());
        List<Component> found = sbom.components().stream().filter(c -> c.id().equals(s.component())).toList();
        if (s.expect() == null) {
            assertThat(found).as("must not report %s from %s", s.component(), s.origin()).isEmpty();
        } else if (s.expect().isEmpty()) {
            assertThat(found).singleElement().satisfies(c -> assertThat(c.version()).isNull());
        } else {
            assertThat(found).as("%s from %s", s.component(), s.origin()).singleElement()
                    .satisfies(c -> {
                        assertThat(c.version()).isEqualTo(s.expect());
                        assertThat(c.evidence()).isNotEmpty();
                        assertThat(c.evidence().get(0).path()).isNotBlank();
                    });
        }
        // no other component invents itself from these strings
        Set<String> others = sbom.components().stream().map(Component::id)
                .filter(id -> !id.equals(s.component())).collect(Collectors.toSet());
        assertThat(others).as("unexpected components from %s", s.origin()).isEmpty();
    }

    @Test
    void everySignatureHasAPositiveSample() throws IOException {
        Set<String> sampled = samples().stream().filter(s -> s.expect() != null).map(Sample::component)
                .collect(Collectors.toSet());
        Set<String> ids = SignatureSet.bundled().signatures().stream().map(Signature::id).collect(Collectors.toSet());
        assertThat(sampled).containsAll(ids);
    }
}
