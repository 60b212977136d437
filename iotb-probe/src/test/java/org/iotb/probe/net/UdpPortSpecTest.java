package org.iotb.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UdpPortSpecTest {
    @Test
    void servicePortsAndBarePorts() {
        assertThat(UdpPortSpec.parse(" coap=5684, SNMP=1161,5000 ")).containsEntry("coap", 5684)
                .containsEntry("snmp", 1161).containsEntry("any:5000", 5000).hasSize(3);
    }

    @Test
    void badListsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> UdpPortSpec.parse("telnet=23")).hasMessageContaining("unknown UDP service 'telnet'");
        assertThatThrownBy(() -> UdpPortSpec.parse("coap=70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> UdpPortSpec.parse("coap")).hasMessageContaining("not a UDP port");
        assertThatThrownBy(() -> UdpPortSpec.parse(" , ")).hasMessageContaining("empty");
    }
}
