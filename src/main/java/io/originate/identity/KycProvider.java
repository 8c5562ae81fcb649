package io.originate.identity;

/**
 * The real-name check: do this name, national ID and mobile belong together (the three-element
 * check)? Throws {@link KycUnavailableException} when the provider does not answer.
 */
public interface KycProvider {

    boolean matches(String fullName, String nationalId, String mobile);
}
