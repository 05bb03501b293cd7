package dev.asanaconnector.generated.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated model whose spec schema is {@code oneOf} a string and an object (for example a
 * custom field given either by gid or in full). Such a model has a static {@code ofString(String)}
 * factory and a {@code getStringValue()} accessor; {@link AsanaJson} reads and writes both forms.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StringOrObject {
}
