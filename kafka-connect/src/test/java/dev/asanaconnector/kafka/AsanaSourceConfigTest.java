package dev.asanaconnector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** Configuration checks: every mistake is named by its setting, before any request, and secrets stay out of sight. */
class AsanaSourceConfigTest {
  static final String SECRET = "0/very-secret-token";

  static Map<String, String> valid() {
    Map<String, String> props = new HashMap<>();
    props.put("asana.tenants", "acme,globex");
    props.put("asana.tenant.acme.token", SECRET);
    props.put("asana.tenant.acme.workspaces", "1001");
    props.put("asana.tenant.globex.oauth.client.id", "client-7");
    props.put("asana.tenant.globex.oauth.client.secret", "client-secret-7");
    props.put("asana.tenant.globex.oauth.refresh.token", "refresh-7");
    props.put("asana.tenant.globex.projects", "2001, 2002");
    props.put("asana.tenant.globex.requests.per.minute", "150");
    return props;
  }

  static Map<String, List<String>> errors(Map<String, String> props) {
    Config config = AsanaSourceConfig.validate(props);
    return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void aValidConfigurationParsesIntoTenantsStreamsAndTopics() {
    AsanaSourceConfig config = AsanaSourceConfig.parse(valid());
    assertEquals(Map.of(), errors(valid()));
    assertEquals(List.of("acme", "globex"), config.tenants().stream().map(AsanaSourceConfig.Tenant::name).toList());
    AsanaSourceConfig.Tenant globex = config.tenant("globex");
    assertEquals(List.of("2001", "2002"), globex.projects());
    assertEquals(150, globex.requestsPerMinute());
    assertEquals("client-secret-7", globex.oauthClientSecret().value());
    assertEquals(1500, config.tenant("acme").requestsPerMinute());
    assertEquals(List.of(AsanaStream.TASKS, AsanaStream.SECTIONS, AsanaStream.PROJECTS, AsanaStream.TAGS,
        AsanaStream.USERS), config.streams());
    assertEquals("asana.acme.tasks", config.topic("acme", AsanaStream.TASKS));
    assertEquals(AsanaSourceConfig.ValueFormat.JSON, config.valueFormat());
  }

  @Test
  void aMissingTokenIsNamedBySettingBothInValidationAndAtStart() {
    Map<String, String> props = valid();
    props.remove("asana.tenant.acme.token");
    assertEquals(Map.of("asana.tenant.acme.token", List.of("asana.tenant.acme.token: is required (or set asana.tenant.acme.oauth.client.id, "
        + "asana.tenant.acme.oauth.client.secret and asana.tenant.acme.oauth.refresh.token)")), errors(props));
    ConfigException e = assertThrows(ConfigException.class, () -> AsanaSourceConfig.parse(props));
    assertTrue(e.getMessage().startsWith("asana.tenant.acme.token: is required"), e.getMessage());
  }

  @Test
  void eachKindOfMistakeNamesItsSetting() {
    Map<String, String> props = valid();
    props.put("asana.tenant.acme.workspaces", "1001,../users/me");
    props.remove("asana.tenant.globex.oauth.refresh.token");
    props.put("asana.streams", "tasks,comments");
    props.put("topic.pattern", "asana-${tenant}");
    props.put("poll.interval.ms", "10");
    props.put("value.format", "avro");
    Map<String, List<String>> errors = errors(props);
    assertEquals(List.of("asana.tenant.acme.workspaces: '../users/me' is not a gid (digits only)"), errors.get("asana.tenant.acme.workspaces"));
    assertEquals(List.of("asana.tenant.globex.oauth.refresh.token: is required with the other OAuth settings"), errors.get("asana.tenant.globex.oauth.refresh.token"));
    assertEquals(List.of("asana.streams: unknown stream 'comments': use tasks, sections, stories, projects, tags or users"),
        errors.get("asana.streams"));
    assertTrue(errors.get("topic.pattern").get(0).startsWith("topic.pattern: must contain ${stream}"));
    assertTrue(errors.get("poll.interval.ms").get(0).contains("at least 100"), errors.get("poll.interval.ms").toString());
    assertTrue(errors.get("value.format").get(0).contains("avro"), errors.get("value.format").toString());
    assertEquals(6, errors.size(), errors.toString());
  }

  @Test
  void tenantsAreRequiredAndNothingToFollowIsRefused() {
    Map<String, String> none = new HashMap<>();
    ConfigException e = assertThrows(ConfigException.class, () -> AsanaSourceConfig.parse(none));
    assertTrue(e.getMessage().contains("asana.tenants"), e.getMessage());
    Map<String, String> props = valid();
    props.remove("asana.tenant.acme.workspaces");
    assertTrue(errors(props).get("asana.tenant.acme.workspaces").get(0).startsWith("asana.tenant.acme.workspaces: name at least one workspace"));
    props.put("asana.tenants", "acme,acme");
    assertTrue(errors(props).get("asana.tenants").contains("asana.tenants: tenant 'acme' is named twice"));
  }

  @Test
  void secretsAreMaskedAndNeverInMessagesOrToString() {
    Map<String, String> props = valid();
    props.put("asana.tenant.acme.oauth.client.id", "x"); // token and OAuth together: refused
    ConfigException e = assertThrows(ConfigException.class, () -> AsanaSourceConfig.parse(props));
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    Config validated = AsanaSourceConfig.validate(props);
    assertFalse(validated.configValues().toString().contains(SECRET), "ConfigValue of a password shows [hidden]");
    AsanaSourceConfig config = AsanaSourceConfig.parse(valid());
    assertFalse(config.toString().contains(SECRET), config.toString());
    assertFalse(config.toString().contains("client-secret-7"), config.toString());
    assertFalse(config.toString().contains("refresh-7"), config.toString());
    assertEquals(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD,
        AsanaSourceConfig.definition(List.of("acme")).configKeys().get("asana.tenant.acme.token").type);
  }
}
