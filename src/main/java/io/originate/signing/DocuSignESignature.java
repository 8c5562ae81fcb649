package io.originate.signing;

import com.docusign.esign.api.EnvelopesApi;
import com.docusign.esign.client.ApiClient;
import com.docusign.esign.client.ApiException;
import com.docusign.esign.model.CustomFields;
import com.docusign.esign.model.Document;
import com.docusign.esign.model.Envelope;
import com.docusign.esign.model.EnvelopeDefinition;
import com.docusign.esign.model.RecipientViewRequest;
import com.docusign.esign.model.Recipients;
import com.docusign.esign.model.SignHere;
import com.docusign.esign.model.Signer;
import com.docusign.esign.model.Tabs;
import com.docusign.esign.model.TextCustomField;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DocuSign eSignature through its Java SDK: an envelope with the agreement PDF, the borrower as an
 * embedded signer ({@code clientUserId} = application id), the application id as an envelope
 * custom field, and the recipient view as the signing URL.
 *
 * <p>Security: the SDK's own HTTP client trusts every certificate; it is never used. Requests go
 * through the {@link DocuSignTransport}'s validating client, with a token from {@link DocuSignTokens}.
 */
@Component
@ConditionalOnProperty(name = "originate.esign.provider", havingValue = "docusign")
class DocuSignESignature implements ESignature {

    static final String CUSTOM_FIELD = "applicationId";
    static final String SIGNATURE_ANCHOR = "\\s1\\";
    private final DocuSignSettings settings;
    private final DocuSignTransport transport;
    private final DocuSignTokens tokens;

    DocuSignESignature(DocuSignSettings settings, Clock clock) {
        settings.requireComplete();
        this.settings = settings;
        this.transport = new DocuSignTransport(settings);
        this.tokens = new DocuSignTokens(settings, transport.http, clock);
    }

    @Override
    public String provider() {
        return "docusign";
    }

    @Override
    public String createEnvelope(String applicationId, byte[] pdf, Signer signer) {
        // the agreement template marks the borrower's signature line with this (invisible) anchor
        SignHere signHere = new SignHere()
                .anchorString(SIGNATURE_ANCHOR)
                .anchorUnits("pixels")
                .anchorXOffset("0")
                .anchorYOffset("-10")
                .tabLabel("borrowerSignature");
        com.docusign.esign.model.Signer borrower = new com.docusign.esign.model.Signer()
                .email(signer.email())
                .name(signer.name())
                .recipientId("1")
                .routingOrder("1")
                .clientUserId(signer.clientUserId())
                .tabs(new Tabs().signHereTabs(List.of(signHere)));
        EnvelopeDefinition envelope = new EnvelopeDefinition()
                .emailSubject("Your loan agreement 借款合同")
                .documents(List.of(new Document()
                        .documentBase64(Base64.getEncoder().encodeToString(pdf))
                        .name("Loan agreement and cost disclosure")
                        .fileExtension("pdf")
                        .documentId("1")))
                .recipients(new Recipients().signers(List.of(borrower)))
                .customFields(new CustomFields()
                        .textCustomFields(List.of(new TextCustomField()
                                .name(CUSTOM_FIELD)
                                .value(applicationId)
                                .show("false"))))
                .status("sent");
        try {
            return envelopes().createEnvelope(settings.accountId(), envelope).getEnvelopeId();
        } catch (ApiException e) {
            throw new SigningUnavailableException("DocuSign refused the envelope: HTTP " + e.getCode(), e);
        }
    }

    @Override
    public String signingUrl(String envelopeId, Signer signer, String returnUrl) {
        RecipientViewRequest view = new RecipientViewRequest()
                .returnUrl(returnUrl == null ? settings.returnUrl() : returnUrl)
                .authenticationMethod("none")
                .email(signer.email())
                .userName(signer.name())
                .recipientId("1")
                .clientUserId(signer.clientUserId());
        try {
            return envelopes()
                    .createRecipientView(settings.accountId(), envelopeId, view)
                    .getUrl();
        } catch (ApiException e) {
            throw new SigningUnavailableException("DocuSign refused the signing view: HTTP " + e.getCode(), e);
        }
    }

    @Override
    public void voidEnvelope(String envelopeId, String reason) {
        try {
            envelopes()
                    .update(
                            settings.accountId(),
                            envelopeId,
                            new Envelope().status("voided").voidedReason(reason));
        } catch (ApiException e) {
            throw new IllegalStateException("DocuSign refused to void the envelope: HTTP " + e.getCode(), e);
        }
    }

    private EnvelopesApi envelopes() {
        ApiClient api = new ApiClient(settings.basePath());
        api.addDefaultHeader("Authorization", "Bearer " + tokens.accessToken());
        api.setHttpClient(transport.jersey); // last: the other setters rebuild the SDK's own client
        return new EnvelopesApi(api);
    }
}
