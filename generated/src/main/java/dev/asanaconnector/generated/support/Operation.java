package dev.asanaconnector.generated.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a generated API method with the spec operation it calls. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Operation {
  /** The spec's operationId, e.g. {@code getTask}. */
  String id();

  /** The HTTP method, e.g. {@code GET}. */
  String method();

  /** The path template as the spec writes it, e.g. {@code /tasks/{task_gid}}. */
  String path();
}
