package io.originate.process;

import java.beans.FeatureDescriptor;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.joda.time.ReadableInstant;
import org.joda.time.ReadablePartial;
import org.joda.time.ReadablePeriod;

/**
 * The first resolver of every model expression: it lets a member be read or called only on the
 * beans marked {@link ProcessBean}, on {@code execution} and {@code task}, and on plain values
 * (text, numbers, booleans, dates, lists, maps, what Camunda's {@code dateTime()} returns). Any
 * other object met along the way, such as a {@code Class}, an engine service behind
 * {@code execution.processEngineServices} or an internal object a bean returns, ends the
 * expression with an error. It resolves nothing itself; allowed steps go on to the next resolver.
 */
final class ExpressionGuard extends ELResolver {

    private static final Set<String> REFLECTIVE = Set.of("class", "getClass", "classLoader", "getClassLoader");
    /** What a model may do to {@code execution} or {@code task} besides reading it: its variables. */
    private static final Set<String> VARIABLE_WRITES =
            Set.of("setVariable", "setVariableLocal", "setVariables", "setVariablesLocal");

    private void check(Object base, Object member) {
        if (base == null) {
            return; // a top-level name: a variable, execution, task or an exposed bean
        }
        String name = String.valueOf(member);
        if (REFLECTIVE.contains(name) || !allowed(base)) {
            throw new ELException("Models may not use '" + name + "' of "
                    + base.getClass().getName() + ": only process beans, execution, task and plain values");
        }
    }

    /**
     * On {@code execution} and {@code task} a model reads properties and sets variables; it does
     * not change what the engine keys on (a business key, an assignee) or drive the engine.
     */
    private void checkCall(Object base, Object method) {
        check(base, method);
        String name = String.valueOf(method);
        if (base instanceof VariableScope
                && !(name.startsWith("get")
                        || name.startsWith("is")
                        || name.startsWith("has")
                        || VARIABLE_WRITES.contains(name))) {
            throw new ELException("Models may not call '" + name + "' on "
                    + base.getClass().getSimpleName() + ": only reading it and setting variables");
        }
    }

    private boolean allowed(Object base) {
        return base.getClass().isAnnotationPresent(ProcessBean.class)
                || base instanceof VariableScope
                || base instanceof CharSequence
                || base instanceof Number
                || base instanceof Boolean
                || base instanceof Character
                || base instanceof Date
                || base instanceof TemporalAccessor
                || base instanceof TemporalAmount
                || base instanceof ReadableInstant
                || base instanceof ReadablePartial
                || base instanceof ReadablePeriod
                || base instanceof Map<?, ?>
                || base instanceof Collection<?>
                || base instanceof Enum<?>
                || base.getClass().isArray()
                        && base.getClass().getComponentType().isPrimitive();
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        checkCall(base, method);
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        check(base, property);
        if (base instanceof VariableScope) {
            throw new ELException("Models may not set '" + property + "' of "
                    + base.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        check(base, property);
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
