package org.iotb.firmware.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.iotb.firmware.checks.rules.PatternRule;
import org.iotb.firmware.checks.rules.PatternRules;
import org.junit.jupiter.api.Test;

class RuleDataTest {
    @Test
    void everyRegexRuleHasLowerCaseHintsAndCompiles() {
        for (PatternRule r : PatternRules.all()) {
            if (r.regex() == null) {
                assertThat(r.importsAll() != null || r.importsAny() != null).as(r.rule()).isTrue();
                // imports show a capability, never a weakness by themselves: such rules may only inform
                assertThat(r.outcome()).as(r.rule()).isEqualTo("info");
                continue;
            }
            java.util.regex.Pattern.compile(r.regex());
            assertThat(r.hints()).as(r.rule()).isNotEmpty()
                    .allSatisfy(h -> assertThat(h).isEqualTo(h.toLowerCase(Locale.ROOT)));
            assertThat(r.outcome()).isIn("fail", "warning");
        }
    }
}
