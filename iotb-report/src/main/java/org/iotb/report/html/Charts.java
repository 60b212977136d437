package org.iotb.report.html;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotb.assess.VerdictValue;
import org.iotb.report.Xml;

/** Inline SVG charts (no scripts, no external resources): a verdict donut and an entropy plot. */
public final class Charts {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Most points an entropy polyline gets; longer profiles are reduced to the maximum of each bucket. */
    static final int MAX_POINTS = 600;

    private Charts() {
    }

    /** A donut of verdict counts with the total in the middle. */
    public static String donut(Map<String, Integer> counts, int size) {
        double cx = size / 2.0;
        double r = size / 2.0 - 12;
        double stroke = 18;
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"").append(SVG_NS).append("\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\" role=\"img\" aria-label=\"")
                .append(Xml.esc(label(counts))).append("\">");
        b.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cx)).append("\" r=\"").append(f(r))
                .append("\" fill=\"none\" stroke=\"#eef1f4\" stroke-width=\"").append(f(stroke)).append("\"/>");
        double angle = 0;
        for (VerdictValue v : Labels.ORDER) {
            int n = counts.getOrDefault(v.id(), 0);
            if (n == 0 || total == 0) {
                continue;
            }
            double sweep = 360.0 * n / total;
            if (sweep >= 359.999) {
                b.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cx)).append("\" r=\"").append(f(r))
                        .append("\" fill=\"none\" stroke=\"").append(Labels.colour(v)).append("\" stroke-width=\"")
                        .append(f(stroke)).append("\"/>");
            } else {
                double a0 = Math.toRadians(angle - 90);
                double a1 = Math.toRadians(angle + sweep - 90);
                b.append("<path d=\"M ").append(f(cx + r * Math.cos(a0))).append(' ').append(f(cx + r * Math.sin(a0)))
                        .append(" A ").append(f(r)).append(' ').append(f(r)).append(" 0 ").append(sweep > 180 ? 1 : 0)
                        .append(" 1 ").append(f(cx + r * Math.cos(a1))).append(' ').append(f(cx + r * Math.sin(a1)))
                        .append("\" fill=\"none\" stroke=\"").append(Labels.colour(v)).append("\" stroke-width=\"")
                        .append(f(stroke)).append("\"><title>").append(n).append(' ').append(Labels.label(v))
                        .append("</title></path>");
            }
            angle += sweep;
        }
        b.append("<text x=\"").append(f(cx)).append("\" y=\"").append(f(cx + 2)).append("\" text-anchor=\"middle\" font-size=\"")
                .append(size / 5).append("\" font-weight=\"bold\" fill=\"#1d2733\">").append(total).append("</text>");
        b.append("<text x=\"").append(f(cx)).append("\" y=\"").append(f(cx + size / 7.0)).append("\" text-anchor=\"middle\" font-size=\"")
                .append(Math.max(8, size / 13)).append("\" fill=\"#566372\">requirements</text>");
        return b.append("</svg>").toString();
    }

    /**
     * Entropy per block across the image, in bits per byte (0..8, as the unpacker measures it). The dashed line at
     * 7.2 bits marks compressed or encrypted data.
     */
    /** What the entropy plot shows, in words, for those who cannot see it. */
    private static String entropyLabel(double[] pts) {
        long high = java.util.Arrays.stream(pts).filter(v -> v >= 7.2).count();
        return "Entropy across the image in bits per byte; " + (pts.length == 0 ? 0 : Math.round(100.0 * high / pts.length))
                + " percent of it at or above 7.2 (compressed or encrypted)";
    }

    public static String entropy(List<Double> values, long imageSize, int width, int height) {
        int left = 34;
        int bottom = 18;
        int plotW = width - left - 8;
        int plotH = height - bottom - 6;
        double scale = 8.0;
        double[] pts = reduce(values, MAX_POINTS);
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"").append(SVG_NS).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(entropyLabel(pts)).append("\">");
        b.append("<rect x=\"").append(left).append("\" y=\"6\" width=\"").append(plotW).append("\" height=\"").append(plotH)
                .append("\" fill=\"#f7f9fb\" stroke=\"#c3cad2\"/>");
        for (int bits : new int[] {0, 4, 8}) {
            double y = 6 + plotH - bits / 8.0 * plotH;
            b.append("<text x=\"").append(left - 4).append("\" y=\"").append(f(y + 3)).append("\" text-anchor=\"end\" font-size=\"9\" fill=\"#566372\">")
                    .append(bits).append("</text>");
        }
        double y90 = 6 + plotH - 0.9 * plotH;
        b.append("<line x1=\"").append(left).append("\" y1=\"").append(f(y90)).append("\" x2=\"").append(left + plotW)
                .append("\" y2=\"").append(f(y90)).append("\" stroke=\"#c62828\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\"/>");
        if (pts.length > 0) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < pts.length; i++) {
                double x = left + (pts.length == 1 ? 0 : (double) i / (pts.length - 1) * plotW);
                double v = Math.max(0, Math.min(1, pts[i] / scale));
                double y = 6 + plotH - v * plotH;
                p.append(f(x)).append(',').append(f(y)).append(' ');
            }
            b.append("<polyline fill=\"none\" stroke=\"#2a5d9f\" stroke-width=\"1.2\" points=\"").append(p.toString().trim()).append("\"/>");
        }
        String end = imageSize > 0 ? human(imageSize) : values.size() + " blocks";
        b.append("<text x=\"").append(left).append("\" y=\"").append(height - 4).append("\" font-size=\"9\" fill=\"#566372\">0</text>");
        b.append("<text x=\"").append(left + plotW).append("\" y=\"").append(height - 4)
                .append("\" text-anchor=\"end\" font-size=\"9\" fill=\"#566372\">").append(Xml.esc(end)).append("</text>");
        b.append("<text x=\"").append(left + plotW / 2).append("\" y=\"").append(height - 4)
                .append("\" text-anchor=\"middle\" font-size=\"9\" fill=\"#566372\">bits per byte over the image offset; dashed line: 7.2 (compressed or encrypted)</text>");
        return b.append("</svg>").toString();
    }

    private static String label(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder();
        for (VerdictValue v : Labels.ORDER) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(counts.getOrDefault(v.id(), 0)).append(' ').append(Labels.label(v));
        }
        return b.toString();
    }

    /** At most {@code max} points, each the maximum of its bucket (so a short high-entropy region stays visible). */
    static double[] reduce(List<Double> values, int max) {
        int n = values.size();
        if (n <= max) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = values.get(i) == null ? 0 : values.get(i);
            }
            return out;
        }
        double[] out = new double[max];
        for (int i = 0; i < max; i++) {
            int from = (int) ((long) i * n / max);
            int to = (int) ((long) (i + 1) * n / max);
            double m = 0;
            for (int j = from; j < Math.max(to, from + 1); j++) {
                Double d = values.get(j);
                if (d != null && d > m) {
                    m = d;
                }
            }
            out[i] = m;
        }
        return out;
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
