package dev.asanaconnector.generated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Known limits of the generated code (spec mistakes, not regressions), shared by the tests that tolerate
 * them, and the generator naming hazard the build works around. Each is recognised from the spec being read, so the tests still catch
 * a new occurrence in another spec version, and report one that has gone away.
 */
final class Known {
  static final String MEMBERSHIP_PARENT = "MembershipResponse is anyOf goal, project, portfolio, custom-field "
      + "and custom-type memberships whose `parent` fields have different types; the merged model keeps "
      + "one of them (CustomTypeCompact), so e.g. a goal parent's `owner` is not read";

  static final String DATE_AS_DATE_TIME = "the spec declares DateVariableRequest.value `format: date-time` "
      + "but documents and exemplifies a YYYY-MM-DD date";

  /** Operations whose response examples hit {@link #MEMBERSHIP_PARENT}. */
  static final Set<String> MEMBERSHIP_OPERATIONS = Set.of("createMembership", "getMembership",
      "getMemberships", "updateMembership");

  /** Request bodies whose examples hit {@link #DATE_AS_DATE_TIME}. */
  static final Map<String, String> SPEC_MISTAKES = Map.of("instantiateProject", DATE_AS_DATE_TIME);

  private Known() {
  }

  /**
   * Component schema names that an operation's inline JSON request body also becomes (operation x's
   * `x_request` is class XRequest), unless generated/pom.xml's {@code inlineSchemaNameMappings} renames
   * it: one of the two classes would overwrite the other and its fields would be lost.
   */
  static Set<String> requestNameCollisions(Spec spec) {
    Map<String, Object> components = Spec.map(Spec.map(spec.root.get("components")).get("schemas"));
    Set<String> collisions = new TreeSet<>();
    Set<String> renamed = inlineSchemaNameMappings();
    for (Spec.Op op : spec.operations.values()) {
      Map<String, Object> requestBody = Spec.map(op.node().get("requestBody"));
      if (requestBody.isEmpty() || requestBody.containsKey("$ref")) {
        continue;
      }
      Map<String, Object> media = Spec.map(Spec.map(requestBody.get("content")).get("application/json"));
      if (media.isEmpty() || Spec.map(media.get("schema")).containsKey("$ref")) {
        continue;
      }
      String name = Character.toUpperCase(op.id().charAt(0)) + op.id().substring(1) + "Request";
      if (components.containsKey(name) && !renamed.contains(op.id() + "_request")) {
        collisions.add(name);
      }
    }
    return collisions;
  }

  /** The inline schema names the build renames (generated/pom.xml's {@code inlineSchemaNameMappings}). */
  static Set<String> inlineSchemaNameMappings() {
    Path pom = Path.of(System.getProperty("asana.pin", "../openapi/spec.properties")).toAbsolutePath()
        .getParent().resolveSibling("generated").resolve("pom.xml");
    Set<String> names = new TreeSet<>();
    try {
      Matcher mappings = Pattern.compile("<inlineSchemaNameMappings>([^<]*)</inlineSchemaNameMappings>")
          .matcher(Files.readString(pom));
      while (mappings.find()) {
        for (String mapping : mappings.group(1).split(",")) {
          names.add(mapping.split("=")[0].trim());
        }
      }
    } catch (IOException e) {
      // no pom where expected: nothing renamed
    }
    return names;
  }

  /**
   * Component schemas used only as multipart or form bodies: the generator turns those into form
   * parameters and generates no model for them (e.g. AttachmentRequest).
   */
  static Set<String> formOnlySchemas(Spec spec) {
    Set<String> form = new TreeSet<>();
    Set<String> elsewhere = new TreeSet<>();
    for (Spec.Op op : spec.operations.values()) {
      Map<String, Object> content = Spec.map(spec.resolve(op.node().getOrDefault("requestBody", Map.of()))
          .get("content"));
      content.forEach((type, media) -> {
        Object ref = Spec.map(Spec.map(media).get("schema")).get("$ref");
        if (ref instanceof String text) {
          String name = text.substring(text.lastIndexOf('/') + 1);
          (List.of("multipart/form-data", "application/x-www-form-urlencoded").contains(type) ? form : elsewhere)
              .add(name);
        }
      });
    }
    form.removeAll(elsewhere);
    return form;
  }
}
