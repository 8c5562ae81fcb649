package io.originate.offer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.originate.shared.BusinessTime;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The loan agreement with its cost disclosure as a PDF/A document: the template
 * {@code templates/agreement/agreement.html} (Thymeleaf, XHTML and CSS a compliance officer edits
 * without Java) filled from the disclosure exactly as hashed, the borrower, the consents given and
 * the acceptance, rendered by openhtmltopdf with the shipped CJK font embedded (a GB 2312 subset
 * of WenQuanYi Micro Hei, see fonts/NOTICE.md), so it reads the same anywhere.
 */
final class AgreementDocument {

    static final String FONT = "WenQuanYi Micro Hei";

    /** The borrower as the agreement names them: the full name, and the identifiers masked. */
    record Borrower(String name, String nationalId, String mobile) {}

    /** A consent the borrower gave (the template words it), with its text version and time. */
    record Consent(String code, String textVersion, Instant grantedAt) {}

    /** The borrower's acceptance of this disclosure: when, and the hash accepted. */
    record Acceptance(Instant at, String disclosureHash) {}

    private static final TemplateEngine TEMPLATES = templates();

    /**
     * The CJK font, parsed once: PDFBox reads a shared TrueType font under its own locks (as its
     * font cache does), so every document embeds its subset from this one copy instead of reading
     * and parsing 1.2 MB again.
     */
    private static final TrueTypeFont CJK_FONT = font("/fonts/wqy-microhei-gb2312.ttf");

    private static final String BASE_URI =
            AgreementDocument.class.getResource("/templates/agreement/").toString();

    /**
     * The parser of the filled template, configured once: left to the renderer, each document
     * looked up XML factories anew, a scan of every jar on the class path. The template is the
     * app's own, but its values are the borrower's: no DTD, no external entity, ever.
     */
    private static final DocumentBuilderFactory XHTML = xhtmlParser();

    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private AgreementDocument() {}

    static byte[] render(
            BusinessTime time,
            Disclosure d,
            String hash,
            Borrower borrower,
            List<Consent> consents,
            Acceptance acceptance) {
        Context context = new Context();
        context.setVariables(Map.of(
                "d", d, "hash", hash, "borrower", borrower, "consents", consents, "fmt", new AgreementFormats(time)));
        context.setVariable("acceptance", acceptance);
        String xhtml = TEMPLATES.process("agreement", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                PDDocument document = new PDDocument()) {
            PdfRendererBuilder pdf = new PdfRendererBuilder();
            pdf.useFastMode();
            pdf.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
            pdf.useColorProfile(SRGB);
            pdf.usePDDocument(document);
            // the parsed font is shared; this document embeds the subset of the glyphs it uses
            pdf.useFont(
                    new PDFontSupplier(PDType0Font.load(document, CJK_FONT, true)), FONT, 400, FontStyle.NORMAL, true);
            pdf.withW3cDocument(parse(xhtml), BASE_URI);
            pdf.toStream(out);
            pdf.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(String xhtml) {
        try {
            return XHTML.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("The filled agreement template is not well-formed XHTML", e);
        }
    }

    private static DocumentBuilderFactory xhtmlParser() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static TrueTypeFont font(String resource) {
        try (InputStream in = AgreementDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the build");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver =
                new ClassLoaderTemplateResolver(AgreementDocument.class.getClassLoader());
        resolver.setPrefix("templates/agreement/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML); // well-formed XHTML, as the PDF renderer reads it
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
