package org.iotb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Evidence text is what a person reads: UTF-8 decoded when it is UTF-8, bytes escaped when it is not. */
class EvidenceTextTest {
    /** How the checks hold a file's line: one char per byte (ISO-8859-1). */
    private static String asRead(String utf8) {
        return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8TextReadByteForByteIsShownDecoded() {
        // TOTOLINK N200RE www/language/cn.json printed "æºè½" for 智能 before
        Evidence e = Evidence.line("www/language/cn.json", 12, asRead("\"smart\": \"智能\","));
        assertThat(e.excerpt()).isEqualTo("\"smart\": \"智能\",");
        // cut to length in the middle of a character: the complete characters stay readable
        String cut = asRead("密码").substring(0, 5);
        assertThat(Evidence.readable(cut)).isEqualTo("密");
    }

    @Test
    void bytesThatAreNotUtf8AndControlCharactersAreEscaped() {
        assertThat(Evidence.readable("caf\u00e9 ok")).isEqualTo("caf\\xE9 ok");
        // a cpio name full of binary, as a BusyBox image's padding produced it
        assertThat(Evidence.readable("cpio entry '\u0007\u0000\u00ff\u0090x' skipped"))
                .isEqualTo("cpio entry '\\x07\\x00\\xFF\\x90x' skipped");
        assertThat(Evidence.offset("bin/x", 4, "a\u001b[31mred").excerpt()).isEqualTo("a\\x1B[31mred");
        // plain ASCII and already-decoded text stay as they are
        assertThat(Evidence.readable("plain\ttext")).isEqualTo("plain\ttext");
        assertThat(Evidence.readable("登录密码")).isEqualTo("登录密码");
    }
}
