package io.originate.application;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller parameter of type {@link LoanApplication} to the application the caller's
 * access token was issued for. The application comes from the authenticated {@link Applicant},
 * never from the path: a controller that takes it cannot act on another application, whatever the
 * URL says. Without an authenticated applicant the request is answered 404.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApplicantAccess {}
