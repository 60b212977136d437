package org.iotb.unpack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The checked structure reads agree with ByteBuffer in both byte orders and refuse to read past the end. */
class BytesCheckedReadsTest {
    private static final byte[] B = {(byte) 0xfe, 0x01, (byte) 0x80, 0x7f, 0x10, (byte) 0xff, 0x00, (byte) 0x9a, 0x42};

    @Test
    void agreeWithByteBufferInBothOrders() throws Exception {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            ByteBuffer bb = ByteBuffer.wrap(B).order(order);
            assertThat(Bytes.u16(B, 1, order)).isEqualTo(bb.getShort(1) & 0xffff);
            assertThat(Bytes.u32(B, 1, order)).isEqualTo(bb.getInt(1) & 0xffffffffL);
            assertThat(Bytes.u64(B, 1, order)).isEqualTo(bb.getLong(1));
        }
        assertThat(Bytes.u8(B, 0)).isEqualTo(0xfe);
    }

    @Test
    void readsPastTheEndAreCorruption() {
        assertThatThrownBy(() -> Bytes.u32(B, 6, ByteOrder.LITTLE_ENDIAN)).isInstanceOf(CorruptImageException.class)
                .hasMessage("structure truncated: need 4 bytes at 6 of 9");
        assertThatThrownBy(() -> Bytes.u16(B, -1, ByteOrder.BIG_ENDIAN)).isInstanceOf(CorruptImageException.class);
        assertThatThrownBy(() -> Bytes.u8(B, 9)).isInstanceOf(CorruptImageException.class);
        assertThatThrownBy(() -> Bytes.u32int(new byte[] {(byte) 0x80, 0, 0, 0}, 0, ByteOrder.BIG_ENDIAN, "count"))
                .isInstanceOf(CorruptImageException.class).hasMessage("count out of range: 2147483648");
    }
}
