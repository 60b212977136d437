package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogValidator;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.junit.jupiter.api.Test;

/** The catalog refers to checks by id; every id it names must be a check some module really implements. */
class CheckCatalogConsistencyTest {

    @Test
    void everyCheckTheCatalogNamesIsRegistered() {
        Set<String> registered = Checks.all().stream().map(CheckDescriptor::id).collect(Collectors.toSet());
        Set<String> referenced = new TreeSet<>();
        Catalog.load().standards().forEach(s -> s.requirements().forEach(r -> referenced.addAll(r.checks())));
        referenced.removeAll(registered);
        assertThat(referenced).as("check ids in the catalog that no module registers").isEmpty();
    }

    @Test
    void theBundledCatalogValidatesAgainstTheCheckRegistries() {
        Set<String> known = new TreeSet<>();
        Checks.all().forEach(c -> known.add(c.id()));
        assertThat(CatalogValidator.problems(Catalog.load(), known)).isEmpty();
    }

    @Test
    void everyRegisteredCheckIsDocumented() {
        for (CheckDescriptor c : Checks.all()) {
            assertThat(c.title()).as(c.id()).isNotBlank();
            assertThat(c.description()).as(c.id()).isNotBlank();
            assertThat(c.source()).as(c.id()).isNotBlank();
        }
        assertThat(Checks.all()).extracting(CheckDescriptor::id)
                .contains("fw.elf.pie", "net.tls.legacy-protocol", "sbom.component-vulnerable", "assess.unique.keys");
    }
}
