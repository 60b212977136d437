package org.iotb.probe.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The config-path markers accept real configuration and reject harmless 200 answers. */
class ConfigPathsTest {
    static boolean matches(String path, String body) {
        return HttpChecks.CONFIG_PATHS.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow()
                .marker().matcher(body).find() && !HttpChecks.looksLikeHtml(body);
    }

    @Test
    void markersNeedSecretBearingContent() {
        assertThat(matches("/config.json", "{\"wifi_ssid\": \"home\", \"admin_password\": \"x\"}")).isTrue();
        assertThat(matches("/config.json", "{\"error\": \"unauthorized\"}")).isFalse();
        assertThat(matches("/config.xml", "<?xml version=\"1.0\"?><config><user>admin</user></config>")).isTrue();
        assertThat(matches("/config.xml", "<?xml version=\"1.0\"?><error>not found</error>")).isFalse();
        assertThat(matches("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")).isTrue();
        assertThat(matches("/system.ini", "<html><body>admin password</body></html>")).isFalse();
        assertThat(matches("/.env", "NODE_ENV=production\nAPI_TOKEN=abc\n")).isTrue();
        assertThat(matches("/.env", "NODE_ENV=production\n")).isFalse();
        assertThat(matches("/nvram.ini", "lan_ipaddr=192.168.1.1\n")).isFalse();
    }
}
