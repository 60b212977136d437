package org.iotb.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.iotb.assess.Assessment;

/**
 * The PDF of the HTML report (openhtmltopdf + Batik for the SVG charts). It reads the same XHTML with the
 * details opened, embeds DejaVu fonts when the system has them (so non-Latin text from firmware shows) and
 * otherwise falls back to the PDF base fonts. Nothing is fetched: every URI but data: is refused.
 */
public final class PdfReport {
    static {
        // the renderer logs timings and font loading at INFO on stderr; a command line keeps stderr for progress
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    /** Where Debian, Fedora and macOS keep DejaVu; the first directory holding the files wins. */
    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/dejavu-sans-fonts", "/Library/Fonts");

    private PdfReport() {
    }

    public static byte[] render(Assessment a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(a, out);
        return out.toByteArray();
    }

    public static void write(Assessment a, OutputStream out) throws IOException {
        String html = HtmlReport.renderForPdf(a);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
        registerFonts(builder);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("cannot render the PDF report: " + e.getMessage(), e);
        }
    }

    private static void registerFonts(PdfRendererBuilder builder) {
        for (String dir : FONT_DIRS) {
            File regular = new File(dir, "DejaVuSans.ttf");
            if (!regular.isFile()) {
                continue;
            }
            builder.useFont(regular, "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            font(builder, new File(dir, "DejaVuSans-Bold.ttf"), "DejaVu Sans", 700);
            font(builder, new File(dir, "DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400);
            font(builder, new File(dir, "DejaVuSansMono-Bold.ttf"), "DejaVu Sans Mono", 700);
            return;
        }
    }

    private static void font(PdfRendererBuilder builder, File f, String family, int weight) {
        if (f.isFile()) {
            builder.useFont(f, family, weight, PdfRendererBuilder.FontStyle.NORMAL, true);
        }
    }
}
