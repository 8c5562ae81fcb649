package io.originate.notification;

/**
 * One message to send once the business transaction that asked for it has committed. The values
 * that fill its template (a one-time code, reasons) travel sealed with the vault's key, bound to
 * the application: the registry that keeps the event until delivery never holds them in clear.
 * Each message of a notice is its own event, so that one that fails is sent again alone.
 */
record NoticeRequested(String applicationId, String template, Message message, String sealedValues) {

    enum Message {
        /** A text message with the template's text (one-time codes). */
        TEXT,
        /** An e-mail with the template's subject and text. */
        EMAIL,
        /** A text message with the template's subject, pointing to the e-mail. */
        TEXT_POINTER
    }
}
