package io.originate.notification;

/** Sends an e-mail. */
public interface EmailGateway {

    void send(String applicationId, String address, String template, String subject, String text);
}
