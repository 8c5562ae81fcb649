package io.originate.signing;

/** The documents an envelope carries: the disclosure and loan agreement of an application. */
public interface AgreementDocuments {

    byte[] forApplication(String applicationId);
}
