package io.originate.offer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The disclosure and loan agreement as a PDF, from the disclosure exactly as hashed. */
final class DisclosureDocument {

    private DisclosureDocument() {}

    static byte[] render(Disclosure d, String disclosureHash) {
        List<String> lines = new ArrayList<>();
        lines.add("LOAN COST DISCLOSURE AND AGREEMENT");
        lines.add("");
        lines.add("Application reference: " + d.applicationId());
        lines.add("Product: " + d.productCode());
        lines.add("Principal (paid out in full): " + d.principal() + " " + d.currency());
        lines.add("Amount financed (principal less fees paid at signing): " + d.amountFinanced() + " " + d.currency());
        lines.add("Term: " + d.termMonths() + " months, equal monthly instalments");
        lines.add("Nominal annual interest rate: " + percent(d.annualInterestRate()));
        lines.add("Annual percentage rate (APR, actuarial): " + percent(d.apr()));
        for (Disclosure.Fee fee : d.fees()) {
            lines.add("Fee: " + fee.description() + " " + fee.amount() + " " + d.currency() + " (due at signing)");
        }
        lines.add("Finance charge (all interest and fees): " + d.financeCharge() + " " + d.currency());
        lines.add("Total of payments: " + d.totalOfPayments() + " " + d.currency());
        lines.add("Monthly payment: " + d.monthlyPayment() + " " + d.currency());
        lines.add("Offer valid until: " + d.validUntil());
        lines.add("Cooling-off period: " + d.coolingOffPeriod());
        lines.add("");
        lines.add("Repayment schedule");
        lines.add(String.format(
                "%3s  %-10s  %12s  %12s  %12s  %12s", "No", "Due", "Payment", "Principal", "Interest", "Balance"));
        for (Disclosure.Line l : d.schedule()) {
            lines.add(String.format(
                    "%3d  %-10s  %12s  %12s  %12s  %12s",
                    l.number(), l.dueDate(), l.payment(), l.principal(), l.interest(), l.balance()));
        }
        lines.add("");
        lines.add("Right to withdraw: " + d.rightToWithdraw());
        lines.add("Complaints: " + d.complaints());
        lines.add("");
        lines.add("Disclosure SHA-256: " + disclosureHash);

        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
            int perPage = 60;
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(font, 8.5f);
                    text.setLeading(12f);
                    text.newLineAtOffset(40, 800);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        text.showText(line);
                        text.newLine();
                    }
                    text.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String percent(String rate) {
        return new java.math.BigDecimal(rate)
                        .movePointRight(2)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }
}
