package io.originate.offer;

import io.originate.application.ApplicationStatus;
import io.originate.application.ApplicationStatusMarker;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.application.Products;
import io.originate.audit.AuditTrail;
import io.originate.decision.PricingPolicy;
import io.originate.decision.PricingResult;
import io.originate.decisionlog.DecisionRecords;
import io.originate.notification.Notices;
import io.originate.privacy.PiiCipher;
import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import io.originate.shared.Hashing;
import io.originate.shared.Money;
import io.originate.shared.Refusal;
import io.originate.signing.SigningService;
import io.originate.signing.SigningUnavailableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Prices an approved application, keeps its disclosure, and takes the applicant's answer. */
@Service
class Offers {

    private final LoanApplications applications;
    private final Products products;
    private final ApplicationStatusMarker status;
    private final SigningService signing;
    private final LoanJourney journey;
    private final Notices notices;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final OfferStore store;
    private final PricingPolicy pricing;
    private final DecisionRecords decisions;
    private final PiiCipher cipher;
    private final AgreementTerms terms;
    private final Clock clock;

    Offers(
            LoanApplications applications,
            Products products,
            ApplicationStatusMarker status,
            SigningService signing,
            LoanJourney journey,
            Notices notices,
            AuditTrail audit,
            JdbcClient jdbc,
            OfferStore store,
            PricingPolicy pricing,
            DecisionRecords decisions,
            PiiCipher cipher,
            AgreementTerms terms,
            Clock clock) {
        this.cipher = cipher;
        this.terms = terms;
        this.pricing = pricing;
        this.decisions = decisions;
        this.store = store;
        this.applications = applications;
        this.products = products;
        this.status = status;
        this.signing = signing;
        this.journey = journey;
        this.notices = notices;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Prices the offer once (a re-run returns the stored one) and tells the applicant. Empty when
     * the pricing table declines: the APR would exceed the product's cap.
     */
    @Transactional
    public Optional<StoredOffer> price(String applicationId) {
        Optional<StoredOffer> existing = find(applicationId);
        if (existing.isPresent()) {
            return existing;
        }
        LoanApplication a = applications.get(applicationId);
        Products.Product product = products.get(a.productCode());
        String grade = decisions
                .latest(applicationId, "SCORE")
                .orElseThrow(() -> new IllegalStateException("Application " + applicationId + " has not been scored"))
                .outcome();
        PricingPolicy.Price price = pricing.price(a.productCode(), grade, a.termMonths());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil =
                now.atZone(clock.getZone()).plus(product.offerValidFor()).toInstant();
        LocalDate start = LocalDate.ofInstant(now, clock.getZone());
        BigDecimal fee = Money.fen(a.amount().multiply(price.feeRate()));
        Optional<Disclosure> offer = withinCap(a, product, terms, price, fee, start, validUntil);
        Disclosure d = offer.orElseGet(() -> disclose(a, product, terms, price.annualRate(), fee, start, validUntil));
        boolean overCap = offer.isEmpty();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("riskGrade", grade);
        inputs.put("termMonths", a.termMonths());
        inputs.put("annualRate", price.annualRate());
        inputs.put("feeRate", price.feeRate());
        inputs.put("fee", d.fees().isEmpty() ? "0.00" : d.fees().get(0).amount());
        inputs.put("apr", d.apr());
        inputs.put("aprCap", price.aprCap());
        inputs.put("onCap", price.onCap());
        if (overCap) {
            decisions.record(applicationId, "PRICING", "DECLINE", List.of("PRICING_CAP"), inputs, price.tableHash());
            audit.append(
                    applicationId,
                    "OFFER_NOT_MADE",
                    "No offer: the APR " + d.apr() + " would exceed the cap " + price.aprCap());
            return Optional.empty();
        }
        decisions.record(applicationId, "PRICING", "OFFER", List.of(), inputs, price.tableHash());
        String json = canonical(d);
        String hash = Hashing.sha256Hex(json);
        jdbc.sql(
                        "insert into offer (application_id, disclosure, disclosure_hash, valid_until, created_at) values (?, ?, ?, ?, ?)")
                .params(applicationId, json, hash, Timestamp.from(validUntil), Timestamp.from(now))
                .update();
        audit.append(applicationId, "OFFER_MADE", "Offer at APR " + d.apr() + ", disclosure " + hash.substring(0, 12));
        notices.notice(
                applicationId,
                "approval",
                Map.of(
                        "reference", applicationId,
                        "amount", d.principal(),
                        "currency", d.currency(),
                        "termMonths", Integer.toString(d.termMonths()),
                        "apr", d.apr(),
                        "validUntil", d.validUntil()));
        return Optional.of(new StoredOffer(d, hash, validUntil));
    }

    /**
     * The offer within the product's APR cap, decided on the exact rate: with the table's fee if
     * that fits; otherwise, where the table says CUT_FEE, with the largest fee in fen that fits;
     * empty when nothing fits (the table says DECLINE, or the interest alone exceeds the cap).
     */
    static Optional<Disclosure> withinCap(
            LoanApplication a,
            Products.Product product,
            AgreementTerms terms,
            PricingPolicy.Price price,
            BigDecimal fee,
            LocalDate start,
            Instant until) {
        Disclosure d = disclose(a, product, terms, price.annualRate(), fee, start, until);
        List<BigDecimal> payments =
                d.schedule().stream().map(l -> new BigDecimal(l.payment())).toList();
        if (Apr.withinCap(new BigDecimal(d.amountFinanced()), payments, price.aprCap())) {
            return Optional.of(d);
        }
        if (price.onCap() != PricingResult.OnCap.CUT_FEE) {
            return Optional.empty();
        }
        BigDecimal largest = Apr.largestChargeWithinCap(a.amount(), payments, price.aprCap());
        return largest.signum() < 0
                ? Optional.empty()
                : Optional.of(disclose(a, product, terms, price.annualRate(), largest.min(fee), start, until));
    }

    static Disclosure disclose(
            LoanApplication a,
            Products.Product product,
            AgreementTerms terms,
            BigDecimal rate,
            BigDecimal fee,
            LocalDate start,
            Instant validUntil) {
        List<Schedule.Instalment> schedule = product.repayment() == Products.Repayment.EQUAL_PRINCIPAL
                ? Schedule.equalPrincipal(a.amount(), rate, a.termMonths(), start)
                : Schedule.equalInstalments(a.amount(), rate, a.termMonths(), start);
        BigDecimal total = Schedule.totalOf(schedule);
        BigDecimal financed = a.amount().subtract(fee);
        BigDecimal apr = Apr.of(
                financed, schedule.stream().map(Schedule.Instalment::payment).toList());
        BigDecimal interest = total.subtract(a.amount());
        AgreementTerms.Lender lender = terms.lender();
        AgreementTerms.Complaints complaints = terms.complaints();
        return new Disclosure(
                a.id(),
                a.productCode(),
                product.currency(),
                Money.format(a.amount()),
                Money.format(financed),
                a.termMonths(),
                product.repayment().name(),
                rate.setScale(4, RoundingMode.HALF_UP).toPlainString(),
                fee.signum() == 0
                        ? List.of()
                        : List.of(new Disclosure.Fee(
                                "ORIGINATION", "Origination fee, paid at signing", Money.format(fee), "AT_SIGNING")),
                apr.toPlainString(),
                Money.format(interest.add(fee)),
                Money.format(total),
                Money.format(schedule.get(0).payment()),
                schedule.stream()
                        .map(i -> new Disclosure.Line(
                                i.number(),
                                i.dueDate().toString(),
                                Money.format(i.payment()),
                                Money.format(i.principal()),
                                Money.format(i.interest()),
                                Money.format(i.balance())))
                        .toList(),
                validUntil.toString(),
                product.coolingOff().toString(),
                "You may withdraw at any time before the loan is paid out, without charge.",
                new Disclosure.Lender(lender.name(), lender.nameEn(), lender.registration(), lender.address()),
                rate.multiply(terms.overdueRateMultiplier())
                        .setScale(4, RoundingMode.HALF_UP)
                        .toPlainString(),
                "0.00",
                new Disclosure.Complaints(
                        complaints.hotline(), complaints.email(), complaints.inApp(), complaints.respondWithinDays()),
                terms.disputes(),
                terms.governingLaw());
    }

    public Optional<StoredOffer> find(String applicationId) {
        return store.find(applicationId);
    }

    public StoredOffer get(LoanApplication a) {
        if (!a.status().hasOffer()) {
            throw Refusal.conflict("There is no offer for this application in status " + a.status());
        }
        return find(a.id()).orElseThrow(Refusal::notFound);
    }

    public byte[] document(LoanApplication a) {
        get(a);
        return store.document(a.id());
    }

    /** Accepts the offer shown under this hash and opens the signing; a repeat gives the same envelope. */
    @Transactional
    public SigningService.Started accept(String applicationId, String disclosureHash, Boolean acknowledged, String ip) {
        LoanApplication a = applications.lock(applicationId);
        if (a.status() == ApplicationStatus.OFFER_ACCEPTED || a.status() == ApplicationStatus.SIGNING) {
            return signing.start(applicationId);
        }
        if (!Boolean.TRUE.equals(acknowledged)) {
            throw Refusal.invalid(List.of(new Refusal.FieldError(
                    "acknowledged", "must be true: the applicant must acknowledge the disclosure")));
        }
        if (a.status() != ApplicationStatus.APPROVED) {
            throw Refusal.conflict("The offer cannot be accepted in status " + a.status());
        }
        StoredOffer offer = find(applicationId).orElseThrow();
        if (disclosureHash == null || !Hashing.same(disclosureHash, offer.hash())) {
            throw Refusal.conflict("The disclosure hash does not match the current offer; fetch the offer again");
        }
        Instant now = clock.instant();
        if (!now.isBefore(offer.validUntil())) {
            throw Refusal.conflict("The offer expired at " + offer.validUntil());
        }
        jdbc.sql(
                        "update offer set acknowledged_at = ?, acknowledged_hash = ?, acknowledged_ip = ? where application_id = ?")
                .params(Timestamp.from(now), disclosureHash, cipher.encrypt(ip, applicationId), applicationId)
                .update();
        audit.append(
                applicationId, "OFFER_ACCEPTED", "Offer accepted with disclosure " + disclosureHash.substring(0, 12));
        status.mark(applicationId, ApplicationStatus.OFFER_ACCEPTED.name());
        SigningService.Started started;
        try {
            started = signing.start(applicationId);
        } catch (SigningUnavailableException e) {
            // the acceptance rolls back with this answer, so the same request can simply be sent again
            throw Refusal.unavailable(
                    "The e-signature service is not available; try again shortly", Duration.ofSeconds(30));
        }
        if (!journey.correlate(ProcessVariables.MESSAGE_OFFER_ACCEPTED, applicationId)) {
            throw Refusal.conflict("The offer is no longer open");
        }
        return started;
    }

    @Transactional
    public void decline(String applicationId) {
        LoanApplication a = applications.lock(applicationId);
        if (a.status() != ApplicationStatus.APPROVED) {
            throw Refusal.conflict("The offer cannot be declined in status " + a.status());
        }
        audit.append(applicationId, "OFFER_DECLINED", "The applicant declined the offer");
        if (!journey.correlate(ProcessVariables.MESSAGE_OFFER_DECLINED, applicationId)) {
            throw Refusal.conflict("The offer is no longer open");
        }
    }

    static String canonical(Disclosure d) {
        return OfferStore.canonical(d);
    }
}
