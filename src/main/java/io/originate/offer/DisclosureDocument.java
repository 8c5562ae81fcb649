package io.originate.offer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The disclosure and loan agreement as a PDF, from the disclosure exactly as hashed, with the
 * borrower's name. The font ships with the app (a GB 2312 subset of WenQuanYi Micro Hei, see
 * fonts/NOTICE.md) and is embedded, so Chinese renders anywhere.
 */
final class DisclosureDocument {

    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final float[] COLUMNS = {50, 90, 170, 250, 330, 410, 490};

    private DisclosureDocument() {}

    static byte[] render(Disclosure d, String disclosureHash, String borrower) {
        try (PDDocument doc = new PDDocument();
                InputStream fontFile = DisclosureDocument.class.getResourceAsStream("/fonts/wqy-microhei-gb2312.ttf");
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(doc, PDType0Font.load(doc, fontFile, true));
            w.line("借款合同及贷款费用披露 · Loan agreement and cost disclosure", 13);
            w.gap();
            w.line("Borrower 借款人: " + borrower, 10);
            w.line("Application reference 申请编号: " + d.applicationId(), 10);
            w.line("Product: " + d.productCode(), 10);
            w.gap();
            w.line("Principal, paid out in full 借款本金: " + d.principal() + " " + d.currency(), 10);
            w.line(
                    "Amount financed (principal less fees paid at signing): " + d.amountFinanced() + " " + d.currency(),
                    10);
            w.line(
                    "Term: " + d.termMonths() + " months, "
                            + (d.repayment().equals("EQUAL_PRINCIPAL")
                                    ? "equal principal each month 等额本金"
                                    : "equal monthly instalments 等额本息"),
                    10);
            w.line("Nominal annual interest rate 年利率: " + percent(d.annualInterestRate()), 10);
            w.line("Annual percentage rate, actuarial 年化综合成本 (APR): " + percent(d.apr()), 10);
            for (Disclosure.Fee fee : d.fees()) {
                w.line("Fee: " + fee.description() + ": " + fee.amount() + " " + d.currency(), 10);
            }
            w.line("Finance charge, all interest and fees: " + d.financeCharge() + " " + d.currency(), 10);
            w.line("Total of payments 还款总额: " + d.totalOfPayments() + " " + d.currency(), 10);
            w.line(
                    (d.repayment().equals("EQUAL_PRINCIPAL")
                                    ? "First monthly payment 首期还款额: "
                                    : "Monthly payment 月还款额: ")
                            + d.monthlyPayment() + " " + d.currency(),
                    10);
            w.line("Offer valid until: " + d.validUntil() + "; cooling-off period: " + d.coolingOffPeriod(), 10);
            w.gap();
            w.line("Repayment schedule 还款计划", 11);
            w.row(new String[] {"No", "Due", "Payment", "Principal", "Interest", "Balance"});
            for (Disclosure.Line l : d.schedule()) {
                w.row(new String[] {
                    Integer.toString(l.number()), l.dueDate(), l.payment(), l.principal(), l.interest(), l.balance()
                });
            }
            w.gap();
            w.line("Right to withdraw: " + d.rightToWithdraw(), 9);
            w.line("Complaints: " + d.complaints(), 9);
            w.gap();
            w.line("Disclosure SHA-256: " + disclosureHash, 8);
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String percent(String rate) {
        return new BigDecimal(rate).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void line(String text, float size) throws IOException {
            room();
            show(MARGIN, text, size);
            y -= LEADING;
        }

        void row(String[] cells) throws IOException {
            room();
            for (int i = 0; i < cells.length; i++) {
                show(COLUMNS[i], cells[i], 8.5f);
            }
            y -= LEADING - 2;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            content.close();
        }

        private void show(float x, String text, float size) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(drawable(text));
            content.endText();
        }

        /** Characters the embedded font lacks become □ instead of failing the document. */
        private String drawable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    out.appendCodePoint(c);
                } catch (IllegalArgumentException | IOException missing) {
                    out.append('□');
                }
            });
            return out.toString();
        }

        private void room() throws IOException {
            if (y < MARGIN) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }
    }
}
