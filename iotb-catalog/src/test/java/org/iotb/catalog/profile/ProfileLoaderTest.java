package org.iotb.catalog.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void readsEveryDocumentedKey() {
        Profile p = ProfileLoader.parse("""
                product: {name: Lock, model: L1, manufacturer: ACME, firmware-version: 1.2.3}
                device:
                  constrained: false
                  passwords: true
                  preinstalled-passwords: true
                  user-authentication: true
                  software-updateable: true
                  update-mechanism: true
                  network-updates: true
                  automatic-updates: true
                  telemetry: true
                  consent-based-processing: true
                  hardcoded-identity: false
                  debug-interface-accessible: false
                xiaomi:
                  personal-data: [basic]
                  integrity-impact: limited
                  availability-impact: minor
                  categories: [door-lock]
                interfaces: [wifi, ble]
                os: embedded-linux
                """, "p.yaml", catalog);
        assertThat(p.product().firmwareVersion()).isEqualTo("1.2.3");
        assertThat(p.device()).hasSize(12).containsEntry("passwords", true).containsEntry("constrained", false);
        assertThat(p.words("xiaomi.categories")).containsExactly("door-lock");
        assertThat(p.words("xiaomi.personal-data")).containsExactly("basic");
        assertThat(p.facts()).containsEntry("xiaomi.integrity-impact", "limited");
        assertThat(p.interfaces()).containsExactly("wifi", "ble");
        assertThat(p.os()).isEqualTo("embedded-linux");
        assertThat(p.features()).isNull();
    }

    @Test
    void unknownValuesStayUnknown() {
        Profile p = ProfileLoader.parse("device: {passwords: unknown, telemetry: ~}\ninterfaces: unknown\n", "p.yaml", catalog);
        assertThat(p.fact("passwords")).isNull();
        assertThat(p.fact("telemetry")).isNull();
        assertThat(p.interfaces()).isNull();
    }

    @Test
    void misspelledKeyIsNamedWithLineAndSuggestion() {
        assertThatThrownBy(() -> ProfileLoader.parse("product: {name: X}\ndevice:\n  pasword: true\n", "bad.yaml", catalog))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("line 3")
                .hasMessageContaining("device.pasword")
                .hasMessageContaining("did you mean 'passwords'");
    }

    @Test
    void wrongValuesAreNamedWithTheirLines() {
        assertThatThrownBy(() -> ProfileLoader.parse("device:\n  telemetry: maybe\nos: windows\nxiaomi:\n  integrity-impact: huge\n",
                "bad.yaml", catalog))
                .hasMessageContaining("line 2: device.telemetry: expected true, false or unknown")
                .hasMessageContaining("line 3: os: 'windows' is not one of")
                .hasMessageContaining("line 5: xiaomi.integrity-impact: 'huge'");
    }

    @Test
    void notYamlIsAClearError() {
        assertThatThrownBy(() -> ProfileLoader.parse("device: [unclosed\n", "x.yaml", catalog))
                .isInstanceOf(CatalogException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ProfileLoader.parse("", "x.yaml", catalog)).hasMessageContaining("empty");
    }

    @Test
    void templateIsAValidProfileWithEverythingUnknown() {
        Profile p = ProfileLoader.parse(ProfileTemplate.render(catalog, java.util.Map.of()), "template", catalog);
        assertThat(p.device()).isEmpty();
        assertThat(p.interfaces()).isNull();
        assertThat(p.product().name()).isEqualTo("My device");
    }
}
