package jp.tsunagu.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders the program report's XHTML as an A4 PDF with openhtmltopdf. The Japanese text is set in
 * Noto Sans JP (TrueType, embedded as a subset); the fonts are read from the class path once.
 */
@ApplicationScoped
public class ReportPdf {

    static final String FAMILY = "Noto Sans JP";

    private volatile byte[] regular;
    private volatile byte[] bold;

    /** Blocking (fonts, layout): call on a worker thread. */
    public byte[] render(String xhtml) {
        byte[] r = font("/fonts/400Regular/NotoSansJP_400Regular.ttf", true);
        byte[] b = font("/fonts/700Bold/NotoSansJP_700Bold.ttf", false);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(r), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(b), FAMILY, 700, FontStyle.NORMAL, true);
            // titles from other features (visits, meetings) may hold what XML cannot: dropped here
            builder.withHtmlContent(xhtml.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x{FFFE}\\x{FFFF}]", ""), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] font(String path, boolean isRegular) {
        byte[] cached = isRegular ? regular : bold;
        if (cached != null) {
            return cached;
        }
        try (InputStream in = ReportPdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + path + " is not on the class path (built from frontend/node_modules)");
            }
            byte[] bytes = in.readAllBytes();
            if (isRegular) {
                regular = bytes;
            } else {
                bold = bytes;
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
