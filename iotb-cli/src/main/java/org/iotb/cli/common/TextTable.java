package org.iotb.cli.common;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns sized to their content (the last column wraps freely). */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int maxWidth;

    public TextTable(int maxWidth, String... header) {
        this.maxWidth = maxWidth;
        rows.add(header);
    }

    public TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    public String render() {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols - 1; i++) {
                w[i] = Math.min(maxWidth, Math.max(w[i], cell(r, i).length()));
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                String c = cell(r, i);
                if (i < cols - 1) {
                    if (c.length() > w[i]) {
                        c = c.substring(0, w[i] - 1) + "…";
                    }
                    b.append(c).append(" ".repeat(w[i] - c.length() + 2));
                } else {
                    b.append(c);
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String cell(String[] r, int i) {
        return i < r.length && r[i] != null ? r[i].replace('\n', ' ') : "";
    }
}
