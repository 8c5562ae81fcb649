package io.originate.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.application.ApplicationStatus;
import io.originate.application.LoanApplication;
import io.originate.application.Products;
import io.originate.shared.BusinessTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The agreement a borrower reads: text extracted from the PDF must hold every section in Chinese,
 * every cost in words and figures, and nothing written for machines (ISO periods, API paths).
 */
class AgreementDocumentTest {

    static final AgreementTerms TERMS = new AgreementTerms(
            new AgreementTerms.Lender(
                    "示例消费金融有限公司", "Example Consumer Finance Co., Ltd.", "91110000SANDBOX000", "北京市朝阳区示例路 1 号"),
            new AgreementTerms.Complaints("400-000-0000", "complaints@originate.example", "应用内“投诉”页面", 15),
            new BigDecimal("1.5"),
            "协商不成的，提交贷款人住所地有管辖权的人民法院诉讼解决",
            "中华人民共和国法律");

    static Disclosure disclosure(int months, Duration coolingOff) {
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
        Products.Product product = new Products.Product("CNY", Period.ofDays(14), Period.ofDays(7), coolingOff, null);
        return Disclosures.of(
                a,
                product,
                TERMS,
                new BigDecimal("0.1080"),
                new BigDecimal("300.00"),
                LocalDate.of(2026, 11, 25),
                Instant.parse("2026-12-09T10:00:00Z"));
    }

    static byte[] render(Disclosure d, String name) {
        return AgreementDocument.render(
                new BusinessTime(java.time.ZoneId.of("Asia/Shanghai"), "北京时间 Beijing time"),
                d,
                "ab".repeat(32),
                new AgreementDocument.Borrower(name, "110105********002X", "138****8000"),
                List.of(
                        new AgreementDocument.Consent(
                                "CREDIT_BUREAU_QUERY", "2026-01", Instant.parse("2026-11-25T01:00:00Z")),
                        new AgreementDocument.Consent(
                                "PERSONAL_INFORMATION", "2026-01", Instant.parse("2026-11-25T01:00:00Z"))),
                new AgreementDocument.Acceptance(Instant.parse("2026-11-26T02:30:00Z"), "ab".repeat(32)));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    @Test
    void theAgreementStatesEveryCostRightAndObligationInChinese() throws IOException {
        String text = text(render(disclosure(12, Duration.ofDays(7)), "欧阳娜娜"));
        assertThat(text)
                .contains("个人消费借款合同")
                .contains("合同双方", "示例消费金融有限公司", "91110000SANDBOX000", "欧阳娜娜", "110105********002X")
                .contains("借款本金", "30,000.00 元", "12 个月", "等额本息")
                .contains("年化利率", "12.71%", "内部收益率", "年利率")
                .contains("服务费", "300.00 元", "签署合同时另行支付")
                .contains("利息及费用合计", "应还款总额", "31,783.84 元", "2,648.65 元")
                .contains("还款计划", "2027年11月25日")
                .contains("提前还款", "逾期", "16.20%")
                .contains("冷静期", "7 天", "撤回")
                .contains("个人信息", "征信查询授权", "个人信息处理授权")
                .contains("投诉", "400-000-0000", "15 日内")
                .contains("争议解决", "适用法律", "中华人民共和国法律")
                .contains("签署", "2026年11月26日 10:30（北京时间", "ab".repeat(32));
        assertThat(text)
                .as("nothing written for machines")
                .doesNotContain("PT0S")
                .doesNotContain("P7D")
                .doesNotContain("/api/")
                .doesNotContain("POST")
                .doesNotContain("T10:00:00Z")
                .doesNotContain("年化综合成本");
    }

    @Test
    void noCoolingOffIsSaidInWords() throws IOException {
        assertThat(text(render(disclosure(6, Duration.ZERO), "李明")))
                .contains("冷静期：无")
                .doesNotContain("PT0S");
    }

    @Test
    void theLongestOfferedTermFitsAndLongerSchedulesRunOntoMorePages() throws IOException {
        assertThat(text(render(disclosure(36, Duration.ZERO), "李明"))).contains("2029年11月25日");
        byte[] tenYears = render(disclosure(120, Duration.ZERO), "李明");
        try (PDDocument doc = Loader.loadPDF(tenYears)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        }
        assertThat(text(tenYears)).contains("2036年11月25日");
    }

    @Test
    void aCharacterTheFontLacksDoesNotBreakTheDocument() throws IOException {
        assertThat(text(render(disclosure(3, Duration.ZERO), "吉\uD842\uDFB7"))).contains("吉");
    }

    @Test
    void documentsRenderedAtOnceFromTheSharedFontAreEachWhole() throws Exception {
        // different names need different glyphs: each document embeds its own subset of the one font
        List<String> names = List.of("李明", "王秀英", "张伟", "刘洋", "陈静", "杨磊", "赵丽娟", "黄鑫");
        Disclosure d = disclosure(24, Duration.ZERO);
        List<String> alone = new java.util.ArrayList<>();
        for (String name : names) {
            alone.add(text(render(d, name)));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(names.size());
        try {
            for (int round = 0; round < 3; round++) {
                List<java.util.concurrent.Future<String>> atOnce = new java.util.ArrayList<>();
                for (String name : names) {
                    atOnce.add(pool.submit(() -> text(render(d, name))));
                }
                for (int i = 0; i < names.size(); i++) {
                    assertThat(atOnce.get(i).get()).contains(names.get(i)).isEqualTo(alone.get(i));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theDocumentIsPdfA() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(disclosure(12, Duration.ZERO), "李明"))) {
            String xmp = new String(
                    doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfaid:part").contains("3");
            assertThat(doc.getDocumentInformation().getTitle()).contains("借款合同");
        }
    }
}
