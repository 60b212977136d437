package org.iotb.catalog;

import java.util.List;

/**
 * A kind of "applies-if-any" token ({@code interface} in "interface:ble") and the product-profile fact that
 * answers it: {@code key} is the profile key (dotted for a key inside a section, "xiaomi.categories"),
 * {@code list} whether the fact is a list or a single word, {@code words} the values every catalog allows beyond
 * those the standards' applicability-conditions of this kind declare. Defined in the catalog's index.yaml.
 */
public record TokenKind(String token, String key, boolean list, String text, List<String> words) {
    public TokenKind {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
