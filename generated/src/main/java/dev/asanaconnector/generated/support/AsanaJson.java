package dev.asanaconnector.generated.support;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Moshi configuration the generated models need: adapters for the spec's {@code date-time},
 * {@code date}, decimal and URI formats, enums that tolerate values Asana adds later, and
 * {@link StringOrObject} models.
 */
public final class AsanaJson {
  private static final JsonAdapter.Factory FORWARD_COMPATIBLE_ENUM = AsanaJson::forwardCompatibleEnum;
  private static final JsonAdapter.Factory STRING_OR_OBJECT = AsanaJson::stringOrObject;
  private static final JsonAdapter.Factory GENERATED_MODEL = AsanaJson::generatedModel;
  /** The package of the generated models, each with its nested {@value #MODEL_ADAPTER} class. */
  private static final String MODEL_PACKAGE = "dev.asanaconnector.generated.model";
  private static final String MODEL_ADAPTER = "MoshiAdapter";
  private static final Moshi MOSHI = configure(new Moshi.Builder()).build();

  private AsanaJson() {
  }

  /** A shared, immutable Moshi instance configured for the generated models. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /** Adds the generated models' adapters to {@code builder} and returns it. */
  public static Moshi.Builder configure(Moshi.Builder builder) {
    return builder
        .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
        .add(LocalDate.class, new LocalDateAdapter().nullSafe())
        .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
        .add(URI.class, new UriAdapter().nullSafe())
        .add(FORWARD_COMPATIBLE_ENUM)
        .add(STRING_OR_OBJECT)
        .add(GENERATED_MODEL);
  }

  /**
   * The adapter generated with a model (its nested {@code MoshiAdapter}), instead of Moshi's reflective
   * one: no field reflection, no annotation or generic-signature parsing when a model is first read, and
   * fields set directly on each read. Added last, so that {@link StringOrObject} wraps it.
   */
  private static JsonAdapter<?> generatedModel(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || raw.isEnum()
        || !MODEL_PACKAGE.equals(raw.getPackageName()) || raw.getEnclosingClass() != null) {
      return null;
    }
    Class<?> adapterClass;
    try {
      adapterClass = Class.forName(raw.getName() + "$" + MODEL_ADAPTER, true, raw.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null; // not a generated model: Moshi's own adapters take it
    }
    try {
      Constructor<?> constructor = adapterClass.getDeclaredConstructor(Moshi.class);
      constructor.setAccessible(true); // package-private: not part of the models' API
      return ((JsonAdapter<?>) constructor.newInstance(moshi)).nullSafe();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the generated adapter of " + raw.getName() + " cannot be created", e);
    }
  }

  private static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return IsoTimes.parseDateTime(text);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("Expected an ISO 8601 date-time but was '" + text + "' at "
            + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }

  private static final class LocalDateAdapter extends JsonAdapter<LocalDate> {
    @Override
    public LocalDate fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return IsoTimes.parseDate(text);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("Expected an ISO 8601 date but was '" + text + "' at "
            + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, LocalDate value) throws IOException {
      writer.value(value.toString());
    }
  }

  private static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      // nextString() returns a JSON number's exact text, so no precision is lost through double.
      String text = reader.nextString();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected a number but was '" + text + "' at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      writer.value(value);
    }
  }

  private static final class UriAdapter extends JsonAdapter<URI> {
    @Override
    public URI fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return new URI(text);
      } catch (java.net.URISyntaxException e) {
        throw new JsonDataException("Expected a URI but was '" + text + "' at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, URI value) throws IOException {
      writer.value(value.toString());
    }
  }

  /** Name of the constant every generated enum has for values this spec version does not define. */
  static final String UNRECOGNIZED = "UNRECOGNIZED";

  private static JsonAdapter<?> forwardCompatibleEnum(Type type, Set<? extends Annotation> annotations,
      Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum() || !hasUnrecognized(raw)) {
      return null;
    }
    return new ForwardCompatibleEnumAdapter<>(raw.asSubclass(Enum.class)).nullSafe();
  }

  private static boolean hasUnrecognized(Class<?> enumType) {
    for (Object constant : enumType.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(UNRECOGNIZED)) {
        return true;
      }
    }
    return false;
  }

  private static final class ForwardCompatibleEnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
    private final Class<E> type;
    private final List<E> known = new ArrayList<>();
    private final Map<E, String> jsonNames = new HashMap<>();
    private final JsonReader.Options options;
    private final E unrecognized;

    ForwardCompatibleEnumAdapter(Class<E> type) {
      this.type = type;
      E fallback = null;
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(UNRECOGNIZED)) {
          fallback = constant;
          continue;
        }
        String jsonName = jsonName(constant);
        known.add(constant);
        names.add(jsonName);
        jsonNames.put(constant, jsonName);
      }
      this.options = JsonReader.Options.of(names.toArray(new String[0]));
      this.unrecognized = fallback;
    }

    private String jsonName(E constant) {
      if (constant instanceof JsonEnum named) {
        return named.jsonName(); // generated enums: no annotation to read
      }
      try {
        Json json = type.getField(constant.name()).getAnnotation(Json.class);
        return json != null ? json.name() : constant.name();
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public E fromJson(JsonReader reader) throws IOException {
      // Matching the bytes against the known names spares decoding a String for every value.
      int index = reader.selectString(options);
      if (index >= 0) {
        return known.get(index);
      }
      reader.nextString(); // a value this spec version does not know (or not a string: that fails here)
      return unrecognized;
    }

    @Override
    public void toJson(JsonWriter writer, E value) throws IOException {
      String name = jsonNames.get(value);
      if (name == null) {
        throw new JsonDataException(type.getSimpleName() + "." + UNRECOGNIZED
            + " stands for a value this client does not know and cannot be sent, at " + writer.getPath());
      }
      writer.value(name);
    }
  }

  private static JsonAdapter<?> stringOrObject(Type type, Set<? extends Annotation> annotations,
      Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!raw.isAnnotationPresent(StringOrObject.class)) {
      return null;
    }
    JsonAdapter<Object> objectForm = moshi.nextAdapter(STRING_OR_OBJECT, type, annotations);
    return new StringOrObjectAdapter(raw, objectForm).nullSafe();
  }

  private static final class StringOrObjectAdapter extends JsonAdapter<Object> {
    private final Method ofString;
    private final Method getStringValue;
    private final JsonAdapter<Object> objectForm;

    StringOrObjectAdapter(Class<?> type, JsonAdapter<Object> objectForm) {
      try {
        this.ofString = type.getMethod("ofString", String.class);
        this.getStringValue = type.getMethod("getStringValue");
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(type + " is @StringOrObject but lacks ofString/getStringValue", e);
      }
      this.objectForm = objectForm;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.STRING) {
        return invoke(ofString, null, reader.nextString());
      }
      return objectForm.fromJson(reader);
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      Object text = invoke(getStringValue, value);
      if (text != null) {
        writer.value((String) text);
      } else {
        objectForm.toJson(writer, value);
      }
    }

    @Override
    public String toString() {
      return "StringOrObject(" + objectForm + ")";
    }

    private static Object invoke(Method method, Object target, Object... args) {
      try {
        return method.invoke(target, args);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
