package org.iotb.catalog.testspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** The bundled TS 103 701 layout (ts-103-701.yaml) against the bundled catalog and the public facts. */
class TestSpecificationTest {
    private final Catalog catalog = Catalog.load();
    private final TestSpecification spec = TestSpecification.load();

    @Test
    void bundledFileIsValidAndCoversEveryProvision() {
        assertThat(spec.problems(catalog)).isEmpty();
        List<Requirement> provisions = catalog.requireStandard(Catalog.EN_303_645).requirements();
        assertThat(spec.groups()).hasSameSizeAs(provisions);
        provisions.forEach(r -> assertThat(spec.group(r.id())).as(r.id()).isPresent());
        assertThat(spec.group("5.1-1").orElseThrow().group()).isEqualTo("Test group 5.1-1");
    }

    @Test
    void theTwentyNineIxitTablesAsThePublicSourcesNumberThem() {
        assertThat(spec.tables()).hasSize(29);
        assertThat(spec.tables().get(0).ref()).isEqualTo("1-AuthMech");
        assertThat(spec.table("ComMech").orElseThrow().number()).isEqualTo(11);
        assertThat(spec.table("Intf").orElseThrow().number()).isEqualTo(15);
        assertThat(spec.tables().get(28).ref()).isEqualTo("29-InpVal");
    }

    @Test
    void unitsReadTheTablesTheSourcesName() {
        // TS-103-701.md: 5.1-1-2c reads 1-AuthMech; 5.5-1-2a reads 11-ComMech; 5.6-1-2a 15-Intf; 5.3-13-2a/b/c 2-UserInfo
        assertThat(unit("5.1-1-2c").ixit()).isEqualTo("AuthMech");
        assertThat(unit("5.5-1-2a").ixit()).isEqualTo("ComMech");
        assertThat(unit("5.6-1-2a").ixit()).isEqualTo("Intf");
        for (String u : List.of("5.3-13-2a", "5.3-13-2b", "5.3-13-2c")) {
            assertThat(unit(u).ixit()).isEqualTo("UserInfo");
            assertThat(unit(u).functional()).isTrue();
        }
        assertThat(unit("5.1-1-1a").functional()).isFalse();
        assertThat(spec.testCase("5.1-1-1").orElseThrow().kind()).isEqualTo("conceptual");
        assertThat(spec.testCase("5.1-1-2").orElseThrow().kind()).isEqualTo("functional");
        assertThat(spec.testCase("5.3-10-1").orElseThrow().kind()).isEqualTo("conceptual/functional");
        assertThat(unit("5.8-1-2a").refersTo()).isEqualTo("5.5-1-2");
    }

    @Test
    void mtsfbTwinsFindTheirGroupThroughTheCrosswalk() {
        Requirement twin = catalog.requirement(Catalog.MTSFB, "6.1(a)").orElseThrow();
        assertThat(spec.groupFor(catalog, twin).orElseThrow().provision()).isEqualTo("5.1-1");
    }

    @Test
    void eachProvisionQuestionIsAskedUnderExactlyOneTable() {
        List<String> asked = new ArrayList<>();
        spec.tables().forEach(t -> asked.addAll(spec.questionsOf(t.id())));
        assertThat(asked).doesNotHaveDuplicates().hasSize(spec.groups().size());
        assertThat(spec.group("5.1-1").orElseThrow().questionTable()).isEqualTo("AuthMech");
    }

    @Test
    void validationNamesWhatIsWrong() throws Exception {
        String yaml = """
                standard: etsi-en-303-645
                ixit-tables:
                  - {number: 1, id: AuthMech, name: x, asks: y}
                groups:
                  - provision: "5.1-1"
                    group: "Test group 5.1-1"
                    cases:
                      - id: "5.1-1-2"
                        kind: functional
                        units:
                          - {id: "5.1-1-2a", kind: functional, ixit: Nope, method: m, text: t,
                             evidence: {checks: [fw.svc.telnet]}}
                          - {id: "5.1-1-2b", kind: functional, ixit: AuthMech, method: m, text: t, evidence: {}}
                """;
        List<String> problems = TestSpecification.parse(Json.yaml().readTree(yaml)).problems(catalog);
        assertThat(problems).anyMatch(p -> p.contains("expected the 29 IXIT tables"))
                .anyMatch(p -> p.equals("provision 5.1-2 has no test group"))
                .anyMatch(p -> p.contains("5.1-1-2a: IXIT table 'Nope' is not one of the 29"))
                .anyMatch(p -> p.contains("5.1-1-2a: check fw.svc.telnet is not one provision 5.1-1 lists"))
                .anyMatch(p -> p.contains("5.1-1-2b: no evidence"));
    }

    private TestUnit unit(String id) {
        return spec.groups().stream().flatMap(g -> g.cases().stream()).flatMap(c -> c.units().stream())
                .filter(u -> u.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no unit " + id));
    }
}
