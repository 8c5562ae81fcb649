package io.originate.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.application.ApplicationStatus;
import io.originate.application.LoanApplication;
import io.originate.application.Products;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class DisclosureDocumentTest {

    static Disclosure disclosure(int months) {
        LoanApplication a = new LoanApplication(
                "app-1",
                ApplicationStatus.APPROVED,
                "CONSUMER_INSTALLMENT",
                new BigDecimal("30000.00"),
                months,
                "HOME_IMPROVEMENT",
                "EMPLOYED",
                36,
                new BigDecimal("20000.00"),
                new BigDecimal("1500.00"),
                "n",
                "m",
                "d",
                "t",
                Instant.parse("2026-11-25T00:00:00Z"),
                null);
        Products.Product product =
                new Products.Product("CNY", Period.ofDays(14), Period.ofDays(7), Duration.ZERO, null);
        return Offers.disclose(
                a,
                product,
                new BigDecimal("0.1080"),
                new BigDecimal("300.00"),
                LocalDate.of(2026, 11, 25),
                Instant.parse("2026-12-09T00:00:00Z"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theBorrowersChineseNameAndTheFullCostAreInTheDocument() throws IOException {
        Disclosure d = disclosure(12);
        String text = text(DisclosureDocument.render(d, "ab".repeat(32), "欧阳娜娜"));
        assertThat(text).contains("欧阳娜娜", "借款人", "还款计划", "30000.00", "12.71%", "2648.65", "31783.84");
        assertThat(text).contains("2027-11-25");
    }

    @Test
    void theLongestOfferedTermFitsAndLongerSchedulesRunOntoMorePages() throws IOException {
        byte[] longest = DisclosureDocument.render(disclosure(36), "ab".repeat(32), "李明");
        assertThat(text(longest)).contains("2029-11-25");
        byte[] tenYears = DisclosureDocument.render(disclosure(120), "ab".repeat(32), "李明");
        try (PDDocument doc = Loader.loadPDF(tenYears)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
        assertThat(text(tenYears)).contains("2036-11-25");
    }

    @Test
    void aCharacterTheFontLacksDoesNotBreakTheDocument() throws IOException {
        String text = text(DisclosureDocument.render(disclosure(3), "ab".repeat(32), "吉\uD842\uDFB7"));
        assertThat(text).contains("吉□");
    }
}
