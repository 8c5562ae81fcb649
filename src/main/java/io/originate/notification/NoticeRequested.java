package io.originate.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A notice to send once the business transaction that asked for it has committed: its messages
 * in the order they go out (an e-mail, then the text pointing to it). The values that fill its
 * template (a one-time code, reasons) travel sealed with the vault's key, bound to the
 * application: the registry that keeps the event until delivery never holds them in clear. When
 * a message fails after an earlier one went out, the rest becomes a notice of its own ({@link
 * #from}), so what was sent is not sent again.
 */
record NoticeRequested(String applicationId, String template, List<Message> messages, String sealedValues) {

    enum Message {
        /** A text message with the template's text (one-time codes). */
        TEXT,
        /** An e-mail with the template's subject and text. */
        EMAIL,
        /** A text message with the template's subject, pointing to the e-mail. */
        TEXT_POINTER
    }

    NoticeRequested {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("A notice has at least one message");
        }
        messages = List.copyOf(messages);
    }

    /** Reads the registry's events, including those written when each event held one {@code message}. */
    @JsonCreator
    static NoticeRequested read(
            @JsonProperty("applicationId") String applicationId,
            @JsonProperty("template") String template,
            @JsonProperty("messages") List<Message> messages,
            @JsonProperty("message") Message message,
            @JsonProperty("sealedValues") String sealedValues) {
        return new NoticeRequested(
                applicationId,
                template,
                messages != null ? messages : message != null ? List.of(message) : null,
                sealedValues);
    }

    /** The messages from the {@code index}th on, as a notice of their own. */
    NoticeRequested from(int index) {
        return new NoticeRequested(applicationId, template, messages.subList(index, messages.size()), sealedValues);
    }
}
