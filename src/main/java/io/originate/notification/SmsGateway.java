package io.originate.notification;

/** Sends a text message to a mobile number. */
public interface SmsGateway {

    void send(String applicationId, String mobile, String template, String text);
}
