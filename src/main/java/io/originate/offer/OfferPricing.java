package io.originate.offer;

import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.application.Products;
import io.originate.audit.AuditTrail;
import io.originate.decision.PricingPolicy;
import io.originate.decision.PricingResult;
import io.originate.decisionlog.DecisionRecords;
import io.originate.notification.Notices;
import io.originate.shared.Hashing;
import io.originate.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
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

/**
 * Prices an approved application once: the pricing table's rate and fee for its grade and term,
 * kept within the product's APR cap, disclosed in full and stored under the hash the applicant
 * accepts; the applicant is told of the offer.
 */
@Service
class OfferPricing {

    private final LoanApplications applications;
    private final Products products;
    private final Notices notices;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final OfferStore store;
    private final PricingPolicy pricing;
    private final DecisionRecords decisions;
    private final AgreementTerms terms;
    private final Clock clock;

    OfferPricing(
            LoanApplications applications,
            Products products,
            Notices notices,
            AuditTrail audit,
            JdbcClient jdbc,
            OfferStore store,
            PricingPolicy pricing,
            DecisionRecords decisions,
            AgreementTerms terms,
            Clock clock) {
        this.applications = applications;
        this.products = products;
        this.notices = notices;
        this.audit = audit;
        this.jdbc = jdbc;
        this.store = store;
        this.pricing = pricing;
        this.decisions = decisions;
        this.terms = terms;
        this.clock = clock;
    }

    /**
     * Prices the offer once (a re-run returns the stored one) and tells the applicant. Empty when
     * the pricing table declines: the APR would exceed the product's cap.
     */
    @Transactional
    public Optional<StoredOffer> price(String applicationId) {
        Optional<StoredOffer> existing = store.find(applicationId);
        if (existing.isPresent()) {
            return existing;
        }
        LoanApplication a = applications.offered(applicationId);
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
        Disclosure d =
                offer.orElseGet(() -> Disclosures.of(a, product, terms, price.annualRate(), fee, start, validUntil));
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
        String json = OfferStore.canonical(d);
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
        Disclosure d = Disclosures.of(a, product, terms, price.annualRate(), fee, start, until);
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
                : Optional.of(Disclosures.of(a, product, terms, price.annualRate(), largest.min(fee), start, until));
    }
}
