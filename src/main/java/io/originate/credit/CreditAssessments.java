package io.originate.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiVault;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assesses credit once per application: bureau pull (only with consent), scorecard, fraud signals. */
@Service
public class CreditAssessments {

    private final LoanApplications applications;
    private final PiiVault vault;
    private final CreditBureau bureau;
    private final FraudSignals fraud;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public CreditAssessments(
            LoanApplications applications,
            PiiVault vault,
            CreditBureau bureau,
            FraudSignals fraud,
            AuditTrail audit,
            JdbcClient jdbc,
            ObjectMapper json,
            Clock clock) {
        this.applications = applications;
        this.vault = vault;
        this.bureau = bureau;
        this.fraud = fraud;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Idempotent: a second run (a job retried after a crash) returns the stored assessment. */
    @Transactional
    public CreditAssessment assess(String applicationId) {
        Optional<CreditAssessment> done = find(applicationId);
        if (done.isPresent()) {
            return done.get();
        }
        int consents = jdbc.sql(
                        "select count(*) from application_consent where application_id = ? and consent = 'CREDIT_BUREAU_QUERY'")
                .param(applicationId)
                .query(Integer.class)
                .single();
        if (consents == 0) {
            throw new IllegalStateException("No credit bureau consent recorded for application " + applicationId);
        }
        LoanApplication a = applications.get(applicationId);
        ApplicantPii pii = vault.read(applicationId);
        CreditReport report = bureau.report(pii.nationalId(), pii.fullName());
        List<String> signals = fraud.detect(a).stream().map(Enum::name).toList();
        CreditAssessment assessment = new CreditAssessment(report, signals);
        jdbc.sql(
                        "insert into credit_assessment (application_id, report, fraud_signals, assessed_at) values (?, ?, ?, ?)")
                .params(applicationId, write(report), String.join(",", signals), Timestamp.from(clock.instant()))
                .update();
        audit.append(
                applicationId,
                "CREDIT_ASSESSED",
                // fraud signals stay with staff (decision records, the fraud review): no tipping off
                "Credit assessed: " + (report.hasFile() ? "bureau file found" : "no bureau file"));
        return assessment;
    }

    public Optional<CreditAssessment> find(String applicationId) {
        return jdbc.sql("select report, fraud_signals from credit_assessment where application_id = ?")
                .param(applicationId)
                .query((rs, n) ->
                        new CreditAssessment(read(rs.getString("report")), split(rs.getString("fraud_signals"))))
                .optional();
    }

    public int age(LocalDate birthDate) {
        return Period.between(birthDate, LocalDate.now(clock)).getYears();
    }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private String write(CreditReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CreditReport read(String text) {
        try {
            return json.readValue(text, CreditReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
