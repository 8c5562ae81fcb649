package io.originate.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schedules and APRs against reference values computed independently (exact decimals, the same
 * rounding rule, bisection to 200 halvings).
 */
class AprAndScheduleTest {

    @ParameterizedTest(name = "{0} at {1} over {2} months, fee {3}: APR {7}")
    @CsvSource({
        "30000.00, 0.1080, 12, 300.00, 2648.65, 2648.69, 31783.84, 0.1271",
        "12000.00, 0.0000, 12, 0.00, 1000.00, 1000.00, 12000.00, 0.0000",
        "12000.00, 0.0000, 12, 120.00, 1000.00, 1000.00, 12000.00, 0.0186",
        "10000.00, 0.1200, 1, 100.00, 10100.00, 10100.00, 10100.00, 0.2424",
        "100000.00, 0.1800, 36, 1000.00, 3615.24, 3615.26, 130148.66, 0.1873",
        "50000.00, 0.0720, 24, 500.00, 2243.17, 2243.02, 53835.93, 0.0820"
    })
    void matchesReferenceCases(
            BigDecimal principal,
            BigDecimal rate,
            int months,
            BigDecimal fee,
            BigDecimal firstPayment,
            BigDecimal lastPayment,
            BigDecimal total,
            BigDecimal apr) {
        List<Schedule.Instalment> s = Schedule.equalInstalments(principal, rate, months, LocalDate.of(2026, 1, 31));
        assertThat(s).hasSize(months);
        assertThat(s.get(0).payment()).isEqualByComparingTo(firstPayment);
        assertThat(s.get(months - 1).payment()).isEqualByComparingTo(lastPayment);
        assertThat(Schedule.totalOf(s)).isEqualByComparingTo(total);
        assertThat(s.stream().map(Schedule.Instalment::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("principal repaid equals principal lent")
                .isEqualByComparingTo(principal);
        assertThat(s.get(months - 1).balance()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(Apr.of(
                        principal.subtract(fee),
                        s.stream().map(Schedule.Instalment::payment).toList()))
                .isEqualByComparingTo(apr);
    }

    @ParameterizedTest(name = "equal principal: {0} at {1} over {2} months, fee {3}: APR {7}")
    @CsvSource({
        "12000.00, 0.1200, 12, 0.00, 1120.00, 1010.00, 12780.00, 0.1200",
        "12000.00, 0.1200, 12, 120.00, 1120.00, 1010.00, 12780.00, 0.1395",
        "10000.00, 0.1080, 7, 100.00, 1518.57, 1441.44, 10360.00, 0.1390"
    })
    void equalPrincipalMatchesReferenceCases(
            BigDecimal principal,
            BigDecimal rate,
            int months,
            BigDecimal fee,
            BigDecimal firstPayment,
            BigDecimal lastPayment,
            BigDecimal total,
            BigDecimal apr) {
        List<Schedule.Instalment> s = Schedule.equalPrincipal(principal, rate, months, LocalDate.of(2026, 1, 31));
        assertThat(s.get(0).payment()).isEqualByComparingTo(firstPayment);
        assertThat(s.get(months - 1).payment()).isEqualByComparingTo(lastPayment);
        assertThat(Schedule.totalOf(s)).isEqualByComparingTo(total);
        assertThat(s.stream().map(Schedule.Instalment::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(principal);
        assertThat(Apr.of(
                        principal.subtract(fee),
                        s.stream().map(Schedule.Instalment::payment).toList()))
                .isEqualByComparingTo(apr);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-31, 1, 2026-02-28", "2026-01-31, 2, 2026-03-31", "2026-11-25, 12, 2027-11-25"})
    void dueDatesFallOnTheSameDayOfTheMonthOrItsLastDay(LocalDate start, int number, LocalDate due) {
        assertThat(Schedule.equalInstalments(new BigDecimal("1200.00"), new BigDecimal("0.1"), 12, start)
                        .get(number - 1)
                        .dueDate())
                .isEqualTo(due);
    }
}
