package org.iotb.server.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The product page's trend: failed mandatory requirements per standard (a line each) across the product's firmware
 * versions, oldest on the left, as inline SVG (no script, no library). Colours differ in hue and in dash pattern,
 * so the lines tell apart without colour too; each point carries a tooltip ({@code <title>}) and the chart a text
 * alternative. A version without a finished assessment leaves a gap.
 */
public final class TrendChart {
    private static final int W = 640;
    private static final int H = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;
    private static final String[] COLOURS = {"#1f5fa8", "#b3261e", "#2e7d32", "#6a3d9a", "#8a5a00"};
    private static final String[] DASHES = {"", "6 4", "2 3", "10 3 2 3", "1 1"};

    private TrendChart() {
    }

    /** One firmware version on the x axis and its failed mandatory counts per standard id (null: not assessed yet). */
    public record Point(String version, Map<String, Integer> failedMandatory) {
    }

    /** The SVG element; every text is escaped. Empty string when there is no point to draw. */
    public static String svg(List<Point> points, StandardNames standards) {
        if (points.isEmpty()) {
            return "";
        }
        int max = 1;
        for (Point p : points) {
            if (p.failedMandatory() != null) {
                for (Integer n : p.failedMandatory().values()) {
                    max = Math.max(max, n == null ? 0 : n);
                }
            }
        }
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-labelledby=\"trend-title\"><title id=\"trend-title\">")
                .append(esc(alternative(points, standards))).append("</title>");
        // horizontal grid and the y axis labels
        int step = Math.max(1, (int) Math.ceil(max / 4.0));
        max = (int) Math.ceil((double) max / step) * step; // the top grid line is a labelled one
        for (int v = 0; v <= max; v += step) {
            double y = TOP + plotH - (double) v / max * plotH;
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">").append(v).append("</text>");
        }
        double dx = points.size() == 1 ? 0 : (double) plotW / (points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            double x = LEFT + (points.size() == 1 ? plotW / 2.0 : i * dx);
            b.append("<text x=\"").append(f(x)).append("\" y=\"").append(H - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">").append(esc(points.get(i).version()))
                    .append("</text>");
        }
        int s = 0;
        List<String> legend = new ArrayList<>();
        for (StandardNames.Entry st : standards.all()) {
            String colour = COLOURS[s % COLOURS.length];
            String dash = DASHES[s % DASHES.length];
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                Integer n = p.failedMandatory() == null ? null : p.failedMandatory().get(st.id());
                if (n == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + (points.size() == 1 ? plotW / 2.0 : i * dx);
                double y = TOP + plotH - (double) n / max * plotH;
                path.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(y));
                pen = true;
                dots.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"4\" fill=\"")
                        .append(colour).append("\"><title>").append(esc(st.title() + ", " + p.version() + ": " + n
                                + " failed mandatory")).append("</title></circle>");
            }
            if (path.length() > 0) {
                b.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"").append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                        .append("/>").append(dots);
                legend.add(st.title() + "\u0000" + colour + "\u0000" + dash);
            }
            s++;
        }
        // the legend under the axis labels, one entry per drawn standard
        double lx = LEFT;
        for (String l : legend) {
            String[] parts = l.split("\u0000", -1);
            b.append("<line x1=\"").append(f(lx)).append("\" x2=\"").append(f(lx + 24)).append("\" y1=\"").append(H - 10)
                    .append("\" y2=\"").append(H - 10).append("\" stroke=\"").append(parts[1]).append("\" stroke-width=\"2\"")
                    .append(parts[2].isEmpty() ? "" : " stroke-dasharray=\"" + parts[2] + "\"").append("/>")
                    .append("<text x=\"").append(f(lx + 30)).append("\" y=\"").append(H - 6)
                    .append("\" font-size=\"12\" fill=\"#333\">").append(esc(parts[0])).append("</text>");
            lx += 40 + parts[0].length() * 7;
        }
        return b.append("</svg>").toString();
    }

    /** The chart in words, for screen readers and the tooltip of the whole chart. */
    static String alternative(List<Point> points, StandardNames standards) {
        StringBuilder b = new StringBuilder("Failed mandatory requirements per version");
        for (Point p : points) {
            b.append("; ").append(p.version()).append(": ");
            if (p.failedMandatory() == null) {
                b.append("not assessed");
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (StandardNames.Entry st : standards.all()) {
                Integer n = p.failedMandatory().get(st.id());
                if (n != null) {
                    parts.add(st.title() + " " + n);
                }
            }
            b.append(String.join(", ", parts));
        }
        return b.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
