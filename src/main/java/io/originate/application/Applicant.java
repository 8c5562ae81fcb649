package io.originate.application;

/**
 * Who calls the applicant API: the holder of one application's access token. The security chain
 * lets this principal reach only its own application; controllers take it where the application
 * is named in the body or found through another record (complaints).
 */
public record Applicant(String applicationId) {}
