package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Only what the user names is probed: ranges need the flag and are capped at 16 addresses. */
class DeviceTargetTest {
    @Test
    void singleHost() throws Exception {
        assertThat(DeviceTarget.parse("127.0.0.1", false)).singleElement()
                .satisfies(t -> assertThat(t.address().isLoopbackAddress()).isTrue());
        assertThat(DeviceTarget.parse("[::1]", false).get(0).address().getHostAddress()).contains(":");
    }

    @Test
    void rangeNeedsFlag() {
        assertThatThrownBy(() -> DeviceTarget.parse("127.0.0.0/30", false)).hasMessageContaining("--allow-range");
    }

    @Test
    void smallRangeIsExpandedAndBigRangeRefused() throws Exception {
        assertThat(DeviceTarget.parse("127.0.0.5/30", true)).extracting(DeviceTarget::name)
                .containsExactly("127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7");
        assertThat(DeviceTarget.parse("127.0.0.0/28", true)).hasSize(16);
        assertThatThrownBy(() -> DeviceTarget.parse("127.0.0.0/27", true)).hasMessageContaining("more than 16");
        assertThatThrownBy(() -> DeviceTarget.parse("127.0.0.1,127.0.0.2", true))
                .hasMessageContaining("single host");
    }
}
