package io.originate.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conventions of DESIGN.md, checked on every model in processes/ by the same {@link ModelRules}
 * the running engine applies to every deployment; and each rule shown to refuse what it must.
 */
public class ModelConventionsTest {

    /** The process beans of the application (the classes marked {@link ProcessBean}). */
    public static final Set<String> BEANS = Set.of(
            "applicationStatus",
            "complaintDeadline",
            "escalateComplaintDelegate",
            "sendComplaintAnswerDelegate",
            "reopenComplaintDelegate",
            "closeComplaintDelegate",
            "requestPayoutAccountDelegate",
            "staffDeadlines",
            "escalateOverdueTaskDelegate",
            "productTerms",
            "sendOtpDelegate",
            "screenSanctionsDelegate",
            "checkRealNameDelegate",
            "openComplianceCaseDelegate",
            "assessCreditDelegate",
            "decideEligibilityDelegate",
            "sendDeclineNoticeDelegate",
            "escalateReviewDelegate",
            "priceOfferDelegate",
            "voidEnvelopeDelegate",
            "cancelSigningDelegate",
            "collectFeeDelegate",
            "refundFeeDelegate",
            "disburseLoanDelegate",
            "sendDisbursementNoticeDelegate");

    static final ModelRules RULES = new ModelRules(BEANS);

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("processes"))
                .filter(p -> p.toString().endsWith(".bpmn"))
                .sorted();
    }

    static Set<String> forms() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
            for (Path f : forms.toList()) {
                ids.add(new ObjectMapper().readTree(f.toFile()).path("id").asText());
            }
        }
        return ids;
    }

    static List<String> problems(Path model) throws IOException {
        return RULES.problems("processes/" + model.getFileName(), Files.readAllBytes(model), forms()::contains);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelKeepsTheConventions(Path model) throws IOException {
        assertThat(problems(model)).as(model.toString()).isEmpty();
    }

    private static List<String> problemsAfter(String from, String to) throws IOException {
        String xml = Files.readString(Path.of("processes/LoanOrigination.bpmn"));
        assertThat(xml).contains(from);
        return RULES.problems(
                "LoanOrigination.bpmn", xml.replace(from, to).getBytes(StandardCharsets.UTF_8), forms()::contains);
    }

    @Test
    void aGeneratedIdIsRefused() throws IOException {
        assertThat(problemsAfter("Task_AssessCredit", "Activity_0x1y2z3"))
                .anyMatch(p -> p.contains("Activity_0x1y2z3"));
    }

    @Test
    void anExpressionCallingABeanThatIsNotAProcessBeanIsRefused() throws IOException {
        assertThat(problemsAfter(
                        "${applicationStatus.mark(execution.processBusinessKey, 'APPROVED')}",
                        "${piiVault.read(execution.processBusinessKey)}"))
                .anyMatch(p -> p.contains("piiVault") && p.contains("not a process bean"));
        assertThat(problemsAfter("${assessCreditDelegate}", "${piiVault}")).anyMatch(p -> p.contains("piiVault"));
    }

    @Test
    void scriptsAndJavaClassesAreRefusedWhateverTheirPrefixOrQuotes() throws IOException {
        String listener =
                "<camunda:executionListener event=\"start\" expression=\"${applicationStatus.mark(execution.processBusinessKey, 'APPROVED')}\"/>";
        assertThat(problemsAfter(
                        listener,
                        "<c:executionListener xmlns:c=\"http://camunda.org/schema/1.0/bpmn\" event=\"end\">"
                                + "<c:script scriptFormat = 'mvel'>1</c:script></c:executionListener>"))
                .anyMatch(p -> p.contains("camunda:script"))
                .anyMatch(p -> p.contains("script language"));
        assertThat(problemsAfter(
                        listener, "<camunda:executionListener class=\"io.originate.Anything\" event=\"end\"/>"))
                .anyMatch(p -> p.contains("class=\"io.originate.Anything\""));
        assertThat(problemsAfter(
                        "<conditionExpression>${fraudSignals == 0}</conditionExpression>",
                        "<conditionExpression xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"tFormalExpression\""
                                + " language='mvel'>true</conditionExpression>"))
                .anyMatch(p -> p.contains("script language"));
        assertThat(problemsAfter(
                        "camunda:delegateExpression=\"${assessCreditDelegate}\"",
                        "camunda:delegateExpression=\"${assessCreditDelegate}\" camunda:type=\"shell\""))
                .anyMatch(p -> p.contains("type=\"shell\""));
    }

    @Test
    void scriptsAndJavaClassesAreRefused() throws IOException {
        assertThat(problemsAfter(
                        "camunda:delegateExpression=\"${assessCreditDelegate}\"",
                        "camunda:class=\"java.lang.Runtime\""))
                .anyMatch(p -> p.contains("camunda:class"));
        assertThat(problemsAfter(
                        "<conditionExpression>${fraudSignals == 0}</conditionExpression>",
                        "<conditionExpression xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"tFormalExpression\""
                                + " language=\"javascript\">true</conditionExpression>"))
                .anyMatch(p -> p.contains("script language"));
    }

    @Test
    void aStaffTaskNeedsAGroupAFormBoundToItsLatestVersionAndADueDate() throws IOException {
        assertThat(problemsAfter("camunda:candidateGroups=\"fraud-analysts\"", "camunda:assignee=\"fraud\""))
                .anyMatch(p -> p.contains("names no candidate group"))
                .anyMatch(p -> p.contains("names a person"));
        assertThat(problemsAfter("camunda:formRef=\"ReviewFraudSignals\"", "camunda:formRef=\"SomeOtherForm\""))
                .anyMatch(p -> p.contains("neither deployed with the model nor already deployed"));
        assertThat(problemsAfter(
                        "camunda:formRef=\"ReviewFraudSignals\" camunda:formRefBinding=\"latest\"",
                        "camunda:formRef=\"ReviewFraudSignals\" camunda:formRefBinding=\"deployment\""))
                .anyMatch(p -> p.contains("formRefBinding=\"latest\""));
    }

    @Test
    void aConditionMayCompareAGatewayVariableOnlyWithOneOfItsOutcomes() throws IOException {
        assertThat(problemsAfter("${eligibilityOutcome == 'DECLINE'}", "${eligibilityOutcome == 'DECLINED'}"))
                .anyMatch(p -> p.contains(
                        "compares eligibilityOutcome with 'DECLINED', which is not one of APPROVE, REFER, DECLINE"));
        assertThat(problemsAfter("${eligibilityOutcome == 'DECLINE'}", "${eligibility == 'DECLINE'}"))
                .anyMatch(p -> p.contains("eligibility, which is not a gateway variable"));
        assertThat(problemsAfter("approvalGroup != 'AUTOMATIC'", "approvalGroup != 'AUTOMATED'"))
                .anyMatch(p -> p.contains("only 'AUTOMATIC' is fixed"));
    }

    private static List<String> catalogue() throws IOException {
        return Files.readAllLines(Path.of("rules/reason-codes.csv")).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
    }

    /**
     * A form's answers are the outcomes of the variable it sets, no more and no fewer; any other
     * choice (a decline's reasons) is a code of the reason catalogue.
     */
    @Test
    void everyFormOffersExactlyTheOutcomesOfItsVariable() throws IOException {
        int checked = 0;
        try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
            for (Path form : forms.toList()) {
                for (com.fasterxml.jackson.databind.JsonNode field :
                        new ObjectMapper().readTree(form.toFile()).path("components")) {
                    Class<? extends Enum<?>> outcomes =
                            Outcomes.BY_VARIABLE.get(field.path("key").asText());
                    if (!field.has("values")) {
                        continue;
                    }
                    List<String> offered = new java.util.ArrayList<>();
                    field.path("values")
                            .forEach(v -> offered.add(v.path("value").asText()));
                    if (outcomes == null) {
                        assertThat(catalogue())
                                .as(form + " " + field.path("key") + " offers choices: reasons of the catalogue")
                                .containsAll(offered);
                        continue;
                    }
                    assertThat(offered)
                            .as(form.toString())
                            .containsExactlyInAnyOrder(java.util.Arrays.stream(outcomes.getEnumConstants())
                                    .map(Enum::name)
                                    .toArray(String[]::new));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(8);
    }
}
