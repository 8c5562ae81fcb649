package io.originate.offer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.signing.SigningService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The offer of one application; reached only with that application's token (web.SecurityChains). */
@RestController
@RequestMapping("/api/v1/applications/{id}/offer")
class OfferController {

    public record Acceptance(String disclosureHash, Boolean acknowledged) {}

    private final LoanApplications applications;
    private final Offers offers;
    private final ObjectMapper json;

    OfferController(LoanApplications applications, Offers offers, ObjectMapper json) {
        this.applications = applications;
        this.offers = offers;
        this.json = json;
    }

    @GetMapping
    @SuppressWarnings("unchecked")
    public Map<String, Object> offer(@PathVariable String id) {
        LoanApplication a = applications.get(id);
        StoredOffer offer = offers.get(a);
        Map<String, Object> body = new LinkedHashMap<>(json.convertValue(offer.disclosure(), Map.class));
        body.put("disclosureHash", offer.hash());
        body.put("documentUrl", "/api/v1/applications/" + id + "/offer/document");
        return body;
    }

    @GetMapping(value = "/document", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> document(@PathVariable String id) {
        LoanApplication a = applications.get(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"loan-agreement-" + id + ".pdf\"")
                .body(offers.document(a));
    }

    @PostMapping("/accept")
    public ResponseEntity<SigningService.Started> accept(
            @PathVariable String id, @RequestBody Acceptance acceptance, HttpServletRequest request) {
        return ResponseEntity.accepted()
                .body(offers.accept(
                        id, acceptance.disclosureHash(), acceptance.acknowledged(), request.getRemoteAddr()));
    }

    @PostMapping("/decline")
    public ResponseEntity<Map<String, String>> decline(@PathVariable String id) {
        offers.decline(id);
        return ResponseEntity.accepted().body(Map.of("id", id, "status", "CANCELLED"));
    }
}
