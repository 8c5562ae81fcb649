package io.originate.credit;

/** Pulls a person's credit report. Throws {@link BureauUnavailableException} when the bureau cannot answer. */
public interface CreditBureau {

    CreditReport report(String nationalId, String fullName);
}
