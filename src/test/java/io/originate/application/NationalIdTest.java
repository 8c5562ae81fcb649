package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalIdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 1949-12-31", "110101199003070011, 1990-03-07", "440301197001010136, 1970-01-01"})
    void validNumbersYieldTheirBirthDate(String id, LocalDate born) {
        NationalId.Result r = NationalId.parse(id, TODAY);
        assertThat(r.error()).isNull();
        assertThat(r.id()).get().extracting(NationalId::birthDate).isEqualTo(born);
    }

    @Test
    void aLowerCaseXCheckDigitIsAccepted() {
        assertThat(NationalId.parse("11010519491231002x", TODAY).id())
                .get()
                .extracting(NationalId::value)
                .isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @CsvSource({
        "110105194912310021, has an invalid check digit",
        "110101199003070012, has an invalid check digit",
        "11010519491231002, must be 18 characters: 17 digits and a digit or X",
        "1101051949123100AX, must be 18 characters: 17 digits and a digit or X",
        "990105194912310020, does not start with a known administrative region code",
        "110105194902300023, does not contain a valid date of birth",
        "110105203001010025, does not contain a plausible date of birth"
    })
    void invalidNumbersSayWhatIsWrongWithoutRepeatingThem(String id, String error) {
        NationalId.Result r = NationalId.parse(id, TODAY);
        assertThat(r.id()).isEmpty();
        assertThat(r.error()).isEqualTo(error).doesNotContain(id);
    }

    @Test
    void mobileNumbers() {
        assertThat(MobileNumber.problem("13800138000")).isNull();
        assertThat(MobileNumber.problem("19912345678")).isNull();
        assertThat(MobileNumber.problem("12800138000")).isNotNull();
        assertThat(MobileNumber.problem("1380013800")).isNotNull();
        assertThat(MobileNumber.problem("+8613800138000")).isNotNull();
    }
}
