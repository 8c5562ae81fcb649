package io.originate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsTest {

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("originate.privacy.key", "k")
                .withProperty("originate.esign.connect.hmac-keys", "h")
                .withProperty("camunda.bpm.admin-user.password", "p")
                .withProperty("originate.adapters.sandbox-allowed", "credit-bureau,kyc,messages,payout,esign")
                .withProperty("originate.adapters.credit-bureau", "sandbox")
                .withProperty("originate.adapters.kyc", "sandbox")
                .withProperty("originate.adapters.messages", "outbox")
                .withProperty("originate.adapters.payout", "ledger")
                .withProperty("originate.esign.provider", "local")
                .withProperty("originate.agreement.lender.name", "测试贷款有限公司")
                .withProperty("originate.agreement.lender.registration", "91110000TEST000000")
                .withProperty("originate.agreement.lender.address", "北京市测试路 1 号");
    }

    @Test
    void everyMissingSettingIsNamedAtOnce() {
        MockEnvironment environment = complete()
                .withProperty("originate.privacy.key", "")
                .withProperty("camunda.bpm.admin-user.password", " ");
        assertThatThrownBy(() -> new RequiredSettings().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(RequiredSettings.Missing.class)
                .hasMessageContaining("ORIGINATE_PII_KEY")
                .hasMessageContaining("ORIGINATE_ADMIN_PASSWORD")
                .hasMessageNotContaining("ORIGINATE_CONNECT_HMAC_KEYS");
    }

    @Test
    void aSandboxAdapterIsTakenOnlyWhenAllowedByName() {
        MockEnvironment notAllowed =
                complete().withProperty("originate.adapters.sandbox-allowed", "kyc,messages,payout,esign");
        assertThatThrownBy(() -> new RequiredSettings().postProcessEnvironment(notAllowed, new SpringApplication()))
                .hasMessageContaining("ORIGINATE_ADAPTERS_SANDBOX_ALLOWED");
        var analysis = new RequiredSettings.Analyzer().analyze(catchMissing(notAllowed));
        assertThat(analysis.getDescription())
                .contains("sandbox adapters are chosen for credit-bureau (ORIGINATE_ADAPTERS_CREDIT_BUREAU=sandbox),")
                .doesNotContain("kyc (");
        MockEnvironment unknown = complete().withProperty("originate.adapters.credit-bureau", "experian");
        assertThat(new RequiredSettings.Analyzer()
                        .analyze(catchMissing(unknown))
                        .getDescription())
                .contains("'experian' is not an adapter; one of sandbox");
    }

    private static RequiredSettings.Missing catchMissing(MockEnvironment environment) {
        try {
            new RequiredSettings().postProcessEnvironment(environment, new SpringApplication());
        } catch (RequiredSettings.Missing e) {
            return e;
        }
        throw new AssertionError("the settings were accepted");
    }

    @Test
    void aDevKeyFileStandsInForTheKeyAndNothingElseIsExcused() {
        new RequiredSettings()
                .postProcessEnvironment(
                        complete()
                                .withProperty("originate.privacy.key", "")
                                .withProperty("originate.privacy.dev-key-file", "./data/dev-pii.key"),
                        new SpringApplication());
        MockEnvironment noAdapter = complete().withProperty("originate.adapters.payout", "");
        assertThatThrownBy(() -> new RequiredSettings().postProcessEnvironment(noAdapter, new SpringApplication()))
                .hasMessageContaining("ORIGINATE_ADAPTERS_PAYOUT");
        var analysis = new RequiredSettings.Analyzer()
                .analyze(new RequiredSettings.Missing(java.util.List.of(RequiredSettings.REQUIRED.get(0))));
        assertThat(analysis.getDescription()).contains("ORIGINATE_PII_KEY (originate.privacy.key)");
        assertThat(analysis.getAction()).contains("dev profile");
    }
}
