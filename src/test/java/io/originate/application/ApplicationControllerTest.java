package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.originate.audit.AuditTrail;
import io.originate.decisionlog.DecisionRecords;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiVault;
import io.originate.shared.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The applicant API's application resource as a web slice: what the mobile app reads, how a
 * refusal is answered, and that the application acted on is the token's (the security chains
 * themselves are tested from outside, in {@code io.originate.security}).
 */
@WebMvcTest(ApplicationController.class)
@AutoConfigureMockMvc(addFilters = false)
class ApplicationControllerTest {

    static final LoanApplication MINE = application("app-mine", ApplicationStatus.REFERRED);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SubmitApplication submit;

    @MockitoBean
    WithdrawApplication withdraw;

    @MockitoBean
    LoanApplications applications;

    @MockitoBean
    PiiVault vault;

    @MockitoBean
    DecisionRecords decisions;

    @MockitoBean
    AuditTrail audit;

    static LoanApplication application(String id, ApplicationStatus status) {
        return new LoanApplication(
                id,
                status,
                "CONSUMER_INSTALLMENT",
                new BigDecimal("30000.00"),
                12,
                "HOME_IMPROVEMENT",
                "EMPLOYED",
                36,
                new BigDecimal("20000.00"),
                new BigDecimal("1500.00"),
                "n",
                "m",
                "d",
                "t",
                Instant.parse("2026-11-25T08:00:00Z"),
                Instant.parse("2026-11-25T08:01:00Z"));
    }

    private void signedInAs(String applicationId) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(new Applicant(applicationId), null, "APPLICANT"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void stored() {
        when(applications.get("app-mine")).thenReturn(MINE);
        when(vault.read("app-mine"))
                .thenReturn(new ApplicantPii(
                        "李明",
                        "110105198806121234",
                        LocalDate.of(1988, 6, 12),
                        "13912345678",
                        "li.ming@example.com",
                        "上海市浦东新区世纪大道 100 号",
                        "dev-1",
                        "198.51.100.7"));
    }

    @Test
    void theApplicationIsShownMaskedWithItsDecisionAndWhatComesNext() throws Exception {
        stored();
        when(decisions.applicantSummary("app-mine", true))
                .thenReturn(Optional.of(new DecisionRecords.Summary(
                        "REFER",
                        "B",
                        List.of(new DecisionRecords.ReasonView(
                                "APPROVAL_REQUIRED", "A credit officer is reviewing")))));
        signedInAs("app-mine");
        String body = mvc.perform(get("/api/v1/applications/app-mine"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFERRED"))
                .andExpect(jsonPath("$.amount").value("30000.00"))
                .andExpect(jsonPath("$.decision.outcome").value("REFER"))
                .andExpect(jsonPath("$.decision.reasons[0].code").value("APPROVAL_REQUIRED"))
                .andExpect(jsonPath("$.nextAction.type").value("WAIT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("李明", "110105198806121234", "13912345678");
    }

    @Test
    void theTokensApplicationIsShownWhateverThePathSays() throws Exception {
        stored();
        signedInAs("app-mine");
        mvc.perform(get("/api/v1/applications/someone-elses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("app-mine"));
    }

    @Test
    void withoutAnApplicantThereIsNoApplication() throws Exception {
        mvc.perform(get("/api/v1/applications/app-mine"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"));
    }

    @Test
    void aSubmissionIsAnsweredWithItsStatusAndWhereItLives() throws Exception {
        when(submit.submit(eq("key-1"), any()))
                .thenReturn(new IdempotencyRecords.Answer<>(
                        201, new SubmitApplication.Submitted("app-new", "SUBMITTED", "token", "2026-11-25T08:00:00Z")));
        mvc.perform(post("/api/v1/applications")
                        .header("Idempotency-Key", "key-1")
                        .contentType("application/json")
                        .content("{}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/applications/app-new"))
                .andExpect(jsonPath("$.accessToken").value("token"));
    }

    @Test
    void aWithdrawalTooLateIsAConflictThatSaysWhy() throws Exception {
        stored();
        when(withdraw.withdraw("app-mine"))
                .thenThrow(Refusal.conflict("The application is DISBURSING and can no longer be withdrawn"));
        signedInAs("app-mine");
        mvc.perform(post("/api/v1/applications/app-mine/withdraw"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.detail").value("The application is DISBURSING and can no longer be withdrawn"));
    }
}
