package org.iotb.probe.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionDisclosureCheckTest {
    @Test
    void findsProductsNotProtocolVersions() {
        assertThat(VersionDisclosureCheck.versions("HTTP/1.1 200 OK\\r\\nSERVER: Linux/3.10.14 UPnP/1.0 MiniUPnPd/2.1"))
                .contains("Linux 3.10.14", "MiniUPnPd 2.1").noneMatch(v -> v.startsWith("HTTP") || v.startsWith("UPnP"));
        assertThat(VersionDisclosureCheck.versions("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3")).contains("OpenSSH 9.2p1");
        assertThat(VersionDisclosureCheck.versions("SSH-2.0-dropbear_2022.83")).contains("dropbear 2022.83");
        assertThat(VersionDisclosureCheck.versions("220 (vsFTPd 3.0.3)")).contains("vsFTPd 3.0.3");
        assertThat(VersionDisclosureCheck.versions("server: nginx")).isEmpty();
        assertThat(VersionDisclosureCheck.versions("220 Welcome to the FTP service.")).isEmpty();
    }
}
