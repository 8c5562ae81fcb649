package io.originate.offer;

import io.originate.application.ApplicationStatus;
import io.originate.application.LoanApplication;
import io.originate.application.Products;
import io.originate.shared.BusinessTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One loan agreement rendered to PDF/A, as the accept does, on one thread: milliseconds per
 * document and, with the GC profiler, bytes allocated per document, for a 12- and a 36-month
 * schedule. Run with {@code ./mvnw -Pbench compile exec:exec@agreement}; raw results go to
 * {@code target/agreement-jmh.json}, and the figures quoted in docs/benchmarks/journey.md come from it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class AgreementRenderBenchmark {

    static final BusinessTime TIME = new BusinessTime(ZoneId.of("Asia/Shanghai"), "北京时间 Beijing time");

    static final AgreementTerms TERMS = new AgreementTerms(
            new AgreementTerms.Lender(
                    "示例消费金融有限公司", "Example Consumer Finance Co., Ltd.", "91110000SANDBOX000", "北京市朝阳区示例路 1 号"),
            new AgreementTerms.Complaints("400-000-0000", "complaints@originate.example", "应用内“投诉”页面", 15),
            new BigDecimal("1.5"),
            "协商不成的，提交贷款人住所地有管辖权的人民法院诉讼解决",
            "中华人民共和国法律");

    @Param({"12", "36"})
    int months;

    Disclosure disclosure;

    @Setup
    public void setUp() {
        LoanApplication application = new LoanApplication(
                "bench-1",
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
                new Products.Product("CNY", Period.ofDays(14), Period.ofDays(7), Duration.ofDays(7), null);
        disclosure = Disclosures.of(
                application,
                product,
                TERMS,
                new BigDecimal("0.1080"),
                new BigDecimal("300.00"),
                LocalDate.of(2026, 11, 25),
                Instant.parse("2026-12-09T10:00:00Z"));
    }

    @Benchmark
    public byte[] render() {
        return AgreementDocument.render(
                TIME,
                disclosure,
                "ab".repeat(32),
                new AgreementDocument.Borrower("王小明", "110105********002X", "138****8000"),
                List.of(
                        new AgreementDocument.Consent(
                                "CREDIT_BUREAU_QUERY", "2026-01", Instant.parse("2026-11-25T01:00:00Z")),
                        new AgreementDocument.Consent(
                                "PERSONAL_INFORMATION", "2026-01", Instant.parse("2026-11-25T01:00:00Z"))),
                new AgreementDocument.Acceptance(Instant.parse("2026-11-26T02:30:00Z"), "ab".repeat(32)));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(AgreementRenderBenchmark.class.getSimpleName())
                        .addProfiler("gc")
                        .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                        .result("target/agreement-jmh.json")
                        .build())
                .run();
    }
}
