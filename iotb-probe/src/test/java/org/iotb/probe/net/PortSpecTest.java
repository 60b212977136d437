package org.iotb.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortSpecTest {
    @Test
    void listsRangesAndAll() {
        assertThat(PortSpec.parse("80, 22,8000-8002,22")).containsExactly(22, 80, 8000, 8001, 8002);
        assertThat(PortSpec.parse("all")).hasSize(65535).startsWith(1).endsWith(65535);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> PortSpec.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortSpec.parse("70000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortSpec.parse("90-80")).hasMessageContaining("reversed");
        assertThatThrownBy(() -> PortSpec.parse("ssh")).hasMessageContaining("not a port");
    }
}
