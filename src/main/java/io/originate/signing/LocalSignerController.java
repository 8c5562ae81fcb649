package io.originate.signing;

import io.originate.shared.Hashing;
import io.originate.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The local signer's pages. Signing or declining builds the Connect event DocuSign would send and
 * hands it to {@link ConnectEvents}: the same path as a webhook. A link works only while its
 * envelope is out for signature and its signing period lasts; after that every page of it says
 * so (410), except that pressing the same button twice is answered as the first press was.
 */
@RestController
@ConditionalOnProperty(name = "originate.esign.provider", havingValue = "local")
class LocalSignerController {

    private static final Map<String, String> CLOSED = Map.of(
            "completed", "the agreement is signed",
            "declined", "signing was declined",
            "voided", "the envelope was withdrawn");

    private final LocalESignature signer;
    private final SigningService signing;
    private final ConnectEvents events;
    private final AgreementDocuments documents;
    private final Clock clock;

    LocalSignerController(
            LocalESignature signer,
            SigningService signing,
            ConnectEvents events,
            AgreementDocuments documents,
            Clock clock) {
        this.signer = signer;
        this.signing = signing;
        this.events = events;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping(value = "/esign/local/{envelopeId}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(
            @PathVariable String envelopeId, @RequestParam(name = "t", required = false) List<String> t) {
        SigningService.Envelope e = authorize(envelopeId, t);
        if (!e.open(clock.instant())) {
            return page(HttpStatus.GONE, closed(e));
        }
        String id = HtmlUtils.htmlEscape(envelopeId);
        String token = HtmlUtils.htmlEscape(t.get(0));
        return page(
                HttpStatus.OK,
                "<h1>Sign your loan agreement</h1><p>Read the <a href='/esign/local/" + id + "/document?t=" + token
                        + "'>loan cost disclosure and agreement (PDF)</a> before you sign.</p>"
                        + "<form method='post' action='/esign/local/" + id
                        + "/sign'><input type='hidden' name='t' value='"
                        + token + "'><button type='submit'>Sign</button></form>"
                        + "<form method='post' action='/esign/local/" + id
                        + "/decline'><input type='hidden' name='t' value='" + token
                        + "'><button type='submit'>Decline</button></form>");
    }

    @GetMapping(value = "/esign/local/{envelopeId}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    public byte[] document(
            @PathVariable String envelopeId, @RequestParam(name = "t", required = false) List<String> t) {
        SigningService.Envelope e = authorize(envelopeId, t);
        if (!e.open(clock.instant())) {
            throw Refusal.gone("This signing link no longer works: " + closed(e));
        }
        return documents.forApplication(e.applicationId());
    }

    @PostMapping(value = "/esign/local/{envelopeId}/sign", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> sign(
            @PathVariable String envelopeId, @RequestParam(name = "t", required = false) List<String> t) {
        return outcome(envelopeId, t, "completed", "Thank you: the agreement is signed.");
    }

    @PostMapping(value = "/esign/local/{envelopeId}/decline", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> decline(
            @PathVariable String envelopeId, @RequestParam(name = "t", required = false) List<String> t) {
        return outcome(envelopeId, t, "declined", "You declined to sign. The application is cancelled.");
    }

    private ResponseEntity<String> outcome(String envelopeId, List<String> t, String outcome, String text) {
        SigningService.Envelope e = authorize(envelopeId, t);
        if (e.status().equals(outcome)) {
            return page(HttpStatus.OK, HtmlUtils.htmlEscape(text)); // the same button pressed again
        }
        if (!e.open(clock.instant())) {
            return page(HttpStatus.GONE, closed(e));
        }
        byte[] body = ("{\"event\":\"envelope-" + outcome + "\",\"apiVersion\":\"v2.1\",\"generatedDateTime\":\""
                        + clock.instant() + "\",\"data\":{\"envelopeId\":\"" + envelopeId + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        try {
            events.receive(body);
        } catch (DataIntegrityViolationException | CannotAcquireLockException raced) {
            // a second click raced the first, which recorded the outcome
        }
        return page(HttpStatus.OK, HtmlUtils.htmlEscape(text));
    }

    private String closed(SigningService.Envelope e) {
        String why = CLOSED.getOrDefault(
                e.status(), e.applicationEnded() ? "the application has ended" : "the signing period has ended");
        return "This signing link no longer works: " + why + ".";
    }

    private static ResponseEntity<String> page(HttpStatus status, String content) {
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_HTML)
                .body(
                        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Sign your loan agreement</title>"
                                + "<meta name='viewport' content='width=device-width, initial-scale=1'></head><body>"
                                + content
                                + "</body></html>");
    }

    /** The token may come in the query and in the form; every copy must be the envelope's token. */
    private SigningService.Envelope authorize(String envelopeId, List<String> t) {
        SigningService.Envelope e = signing.find(envelopeId).orElse(null);
        String expected = e == null ? null : signer.token(envelopeId);
        if (e == null || t == null || t.isEmpty() || !t.stream().allMatch(given -> Hashing.same(expected, given))) {
            throw Refusal.notFound();
        }
        return e;
    }
}
