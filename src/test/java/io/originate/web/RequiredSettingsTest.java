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
