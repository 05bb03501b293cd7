package dev.asanaconnector.generated.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code List} query parameter that Asana expects as one comma-joined value
 * ({@code opt_fields=name,notes}) rather than a repeated parameter. Retrofit repeats list parameters;
 * {@link CommaSeparatedQueryInterceptor} joins them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CommaSeparated {
}
