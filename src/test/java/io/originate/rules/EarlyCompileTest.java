package io.originate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** Tables compiled before the beans are created give the rule book they would give compiled then, failures included. */
class EarlyCompileTest {

    @TempDir
    Path dir;

    private static EarlyCompile startedFor(String location) {
        EarlyCompile early = new EarlyCompile();
        early.setEnvironment(new MockEnvironment().withProperty("originate.rules.location", location));
        early.postProcessBeanFactory(new DefaultListableBeanFactory());
        return early;
    }

    private static RulesSettings settings(String location) {
        return new RulesSettings(location, false, Duration.ofSeconds(2));
    }

    @Test
    void theRuleBookTakesTheTablesCompiledEarly() {
        EarlyCompile early = startedFor("rules");
        assertThat(new RuleBook(settings("rules"), early).versions()).isEqualTo(new RuleBook("rules").versions());
    }

    @Test
    void tablesThatFailStopTheRuleBookWithTheirMessage() throws IOException {
        Files.copy(Path.of("rules/reason-codes.csv"), dir.resolve("reason-codes.csv"));
        Files.writeString(dir.resolve("eligibility.drl.xlsx"), "not a spreadsheet");
        EarlyCompile early = startedFor(dir.toString());
        assertThatThrownBy(() -> new RuleBook(settings(dir.toString()), early))
                .isInstanceOf(RuleTableException.class)
                .hasMessageContaining("eligibility.drl.xlsx");
    }

    @Test
    void anotherFolderThanTheOneCompiledEarlyIsCompiledWhenAskedFor() throws IOException {
        EarlyCompile early = startedFor(dir.toString()); // empty: it fails, but is not the folder asked for
        assertThat(new RuleBook(settings("rules"), early).versions()).isEqualTo(new RuleBook("rules").versions());
    }
}
