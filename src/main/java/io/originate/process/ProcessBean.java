package io.originate.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that the BPMN models may name in expressions ({@code ${applicationStatus.mark(...)}},
 * {@code camunda:delegateExpression="${assessCreditDelegate}"}). No other bean is visible to a
 * model: a model deployed with {@code ${piiVault.read(...)}} is refused at deployment, and the
 * expression cannot resolve it at run time either.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessBean {}
