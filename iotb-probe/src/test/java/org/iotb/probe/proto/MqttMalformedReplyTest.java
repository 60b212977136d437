package org.iotb.probe.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue #20: a broker answering CONNECT with an absurd remaining length is MQTT that breaks the protocol. */
class MqttMalformedReplyTest {
    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void anAbsurdRemainingLengthIsMqttThatBreaksTheProtocol() {
        byte[] connack = b(0x20, 0xff, 0xff, 0xff, 0x7f, 0, 0);
        assertThat(Replies.classify(connack)).isEqualTo("mqtt");
        assertThat(Mqtt.malformedReply(connack)).contains("CONNACK").contains("268435455");
        byte[] publish = b(0x30, 0xff, 0xff, 0xff, 0x7f, 0, 0);
        assertThat(Replies.classify(publish)).isEqualTo("mqtt");
        assertThat(Mqtt.malformedReply(publish)).contains("PUBLISH");
        assertThat(Mqtt.malformedReply(b(0x20, 0xff, 0xff, 0xff, 0xff, 0xff))).contains("not a valid");
        assertThat(Mqtt.malformedReply(b(0x20, 0x00))).contains("remaining length of 0");
    }

    @Test
    void aWellFormedConnackAndTextAreNotMalformedMqtt() {
        assertThat(Mqtt.malformedReply(b(0x20, 0x02, 0x00, 0x00))).isNull();
        assertThat(Replies.classify(b(0x20, 0x02, 0x00, 0x05))).isEqualTo("mqtt");
        byte[] text = " hello, this is text".getBytes(StandardCharsets.US_ASCII);
        assertThat(Mqtt.malformedReply(text)).isNull();
        assertThat(Replies.classify(text)).isNull();
        assertThat(Mqtt.malformedReply("0 ok".getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}
