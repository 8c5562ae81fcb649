package io.originate.offer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.originate.application.ApplicantAccess;
import io.originate.application.LoanApplication;
import io.originate.signing.SigningService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The offer of one application; reached only with that application's token (web.SecurityChains). */
@RestController
@RequestMapping("/api/v1/applications/{id}/offer")
class OfferController {

    record Acceptance(String disclosureHash, Boolean acknowledged) {}

    /** The disclosure, with the hash to accept it by and where its agreement document is. */
    record OfferView(@JsonUnwrapped Disclosure disclosure, String disclosureHash, String documentUrl) {}

    record Declined(String id, String status) {}

    private final OfferAnswers offers;

    OfferController(OfferAnswers offers) {
        this.offers = offers;
    }

    @GetMapping
    public OfferView offer(@ApplicantAccess LoanApplication a) {
        StoredOffer offer = offers.get(a);
        return new OfferView(offer.disclosure(), offer.hash(), "/api/v1/applications/" + a.id() + "/offer/document");
    }

    @GetMapping(value = "/document", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> document(@ApplicantAccess LoanApplication a) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"loan-agreement-" + a.id() + ".pdf\"")
                .body(offers.document(a));
    }

    @PostMapping("/accept")
    public ResponseEntity<SigningService.Started> accept(
            @ApplicantAccess LoanApplication a, @RequestBody Acceptance acceptance, HttpServletRequest request) {
        return ResponseEntity.accepted()
                .body(offers.accept(
                        a.id(), acceptance.disclosureHash(), acceptance.acknowledged(), request.getRemoteAddr()));
    }

    @PostMapping("/decline")
    public ResponseEntity<Declined> decline(@ApplicantAccess LoanApplication a) {
        offers.decline(a.id());
        return ResponseEntity.accepted().body(new Declined(a.id(), "CANCELLED"));
    }
}
