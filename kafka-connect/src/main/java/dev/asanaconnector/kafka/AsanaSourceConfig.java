package dev.asanaconnector.kafka;

import dev.asanaconnector.AsanaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * The connector's settings, checked with Connect's {@link ConfigDef} before any request to Asana. The
 * tenants are named in {@value #TENANTS}; each then has its own keys under {@code asana.tenant.NAME.}
 * (its credentials, what it follows, its rate limit), so the definition depends on the tenant list:
 * {@link #definition(List)} builds it, {@link #validate(Map)} checks a whole configuration for Connect's
 * REST validation, and {@link #parse(Map)} turns one into settings or throws a {@link ConfigException}
 * naming the setting. Secrets are {@link Type#PASSWORD}, which Connect masks, and appear in no message.
 */
public final class AsanaSourceConfig {
  /** The tenants' names, each with its {@code asana.tenant.NAME.*} keys. */
  public static final String TENANTS = "asana.tenants";
  /** Asana's API base URL (HTTPS, or a loopback host for tests). */
  public static final String BASE_URL = "asana.base.url";
  /** The OAuth token endpoint used by tenants with OAuth settings. */
  public static final String OAUTH_TOKEN_URL = "asana.oauth.token.url";
  /** Which streams to follow: tasks, sections, stories (per project), projects, tags, users (per workspace). */
  public static final String STREAMS = "asana.streams";
  /** The topic of each tenant's stream, with {@code ${tenant}} and {@code ${stream}} replaced. */
  public static final String TOPIC_PATTERN = "topic.pattern";
  /** How often each project's events are polled. */
  public static final String POLL_INTERVAL_MS = "poll.interval.ms";
  /** How often each workspace-scoped stream (projects, tags, users) is listed again. */
  public static final String WORKSPACE_REFRESH_INTERVAL_MS = "workspace.refresh.interval.ms";
  /** How often the connector looks for new projects in followed workspaces. */
  public static final String PROJECT_DISCOVERY_INTERVAL_MS = "project.discovery.interval.ms";
  /** How far before the watermark a re-crawl after an expired sync token reads again. */
  public static final String WATERMARK_OVERLAP_MS = "watermark.overlap.ms";
  /** The record value's form: {@code json} (a String), {@code map} (schemaless) or {@code struct}. */
  public static final String VALUE_FORMAT = "value.format";

  /** Per-tenant key suffixes, under {@code asana.tenant.NAME.}. */
  public static final String TOKEN = "token";
  /** OAuth client id (with {@link #OAUTH_CLIENT_SECRET} and {@link #OAUTH_REFRESH_TOKEN}, instead of a token). */
  public static final String OAUTH_CLIENT_ID = "oauth.client.id";
  /** OAuth client secret. */
  public static final String OAUTH_CLIENT_SECRET = "oauth.client.secret";
  /** OAuth refresh token. */
  public static final String OAUTH_REFRESH_TOKEN = "oauth.refresh.token";
  /** Workspace gids whose projects (all unarchived ones) and workspace streams are followed. */
  public static final String WORKSPACES = "workspaces";
  /** Project gids followed in addition to those of the workspaces. */
  public static final String PROJECTS = "projects";
  /** Requests a minute this tenant's client may send (its token's share of Asana's limit). */
  public static final String REQUESTS_PER_MINUTE = "requests.per.minute";

  /** The default topic pattern. */
  public static final String DEFAULT_TOPIC_PATTERN = "asana.${tenant}.${stream}";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern GID = Pattern.compile("[0-9]{1,40}");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  /** The settings shared by all tenants. */
  public enum ValueFormat {
    /** The record's JSON text as a String value (optional string schema). */
    JSON,
    /** The record as a schemaless map, for JsonConverter with {@code schemas.enable=false}. */
    MAP,
    /** A {@code Struct} with the main fields and the whole record as JSON, for schema-aware converters. */
    STRUCT
  }

  /**
   * One tenant's settings.
   *
   * @param name the tenant's name, as in {@value #TENANTS}
   * @param token a personal access token, or null with OAuth
   * @param oauthClientId the OAuth client id, or null with a token
   * @param oauthClientSecret the OAuth client secret, or null
   * @param oauthRefreshToken the OAuth refresh token, or null
   * @param workspaces the workspaces followed
   * @param projects the projects followed explicitly
   * @param requestsPerMinute the client's rate limit
   */
  public record Tenant(String name, Password token, String oauthClientId, Password oauthClientSecret,
      Password oauthRefreshToken, List<String> workspaces, List<String> projects, int requestsPerMinute) {
    /** Names the tenant and what it follows; never its secrets. */
    @Override
    public String toString() {
      return "Tenant[" + name + ", " + (token != null ? "token" : "oauth client " + oauthClientId) + ", workspaces "
          + workspaces + ", projects " + projects + ", " + requestsPerMinute + "/min]";
    }
  }

  private final List<Tenant> tenants;
  private final String baseUrl;
  private final String oauthTokenUrl;
  private final List<AsanaStream> streams;
  private final String topicPattern;
  private final Duration pollInterval;
  private final Duration workspaceRefreshInterval;
  private final Duration projectDiscoveryInterval;
  private final Duration watermarkOverlap;
  private final ValueFormat valueFormat;

  private AsanaSourceConfig(Map<String, Object> values, List<Tenant> tenants) {
    this.tenants = List.copyOf(tenants);
    this.baseUrl = (String) values.get(BASE_URL);
    this.oauthTokenUrl = (String) values.get(OAUTH_TOKEN_URL);
    List<AsanaStream> chosen = new ArrayList<>();
    for (Object name : (List<?>) values.get(STREAMS)) {
      AsanaStream.byConfigName(name.toString().trim()).ifPresent(chosen::add);
    }
    this.streams = List.copyOf(chosen);
    this.topicPattern = (String) values.get(TOPIC_PATTERN);
    this.pollInterval = Duration.ofMillis((Long) values.get(POLL_INTERVAL_MS));
    this.workspaceRefreshInterval = Duration.ofMillis((Long) values.get(WORKSPACE_REFRESH_INTERVAL_MS));
    this.projectDiscoveryInterval = Duration.ofMillis((Long) values.get(PROJECT_DISCOVERY_INTERVAL_MS));
    this.watermarkOverlap = Duration.ofMillis((Long) values.get(WATERMARK_OVERLAP_MS));
    this.valueFormat = ValueFormat.valueOf(((String) values.get(VALUE_FORMAT)).trim().toUpperCase(java.util.Locale.ROOT));
  }

  /** The key {@code asana.tenant.TENANT.SUFFIX}. */
  public static String tenantKey(String tenant, String suffix) {
    return "asana.tenant." + tenant + "." + suffix;
  }

  /** The definition of the settings shared by all tenants (what Connect shows before tenants are named). */
  public static ConfigDef baseDefinition() {
    return definition(List.of());
  }

  /** The full definition for these tenants: the shared settings plus each tenant's keys. */
  public static ConfigDef definition(List<String> tenantNames) {
    ConfigDef def = new ConfigDef()
        .define(TENANTS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
            "Names of the Asana tenants (one token or OAuth app each), e.g. acme,globex; each is configured "
                + "under asana.tenant.NAME.*")
        .define(BASE_URL, Type.STRING, AsanaClient.DEFAULT_BASE_URL, Importance.LOW,
            "Asana's API base URL: HTTPS, or a loopback host for tests")
        .define(OAUTH_TOKEN_URL, Type.STRING, "https://app.asana.com/-/oauth_token", Importance.LOW,
            "The OAuth token endpoint for tenants configured with OAuth")
        .define(STREAMS, Type.LIST, "tasks,sections,projects,tags,users", Importance.HIGH,
            "Streams to follow: tasks, sections, stories (per project, through its events), projects, tags, "
                + "users (per workspace, listed again at an interval). stories lists every task's stories "
                + "in the snapshot: one request per task")
        .define(TOPIC_PATTERN, Type.STRING, DEFAULT_TOPIC_PATTERN, Importance.MEDIUM,
            "Topic of each tenant's stream; ${tenant} and ${stream} are replaced")
        .define(POLL_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(100), Importance.MEDIUM,
            "How often each project's events are polled, in milliseconds")
        .define(WORKSPACE_REFRESH_INTERVAL_MS, Type.LONG, 600_000L, ConfigDef.Range.atLeast(1_000),
            Importance.LOW, "How often projects, tags and users of a workspace are listed again, in milliseconds")
        .define(PROJECT_DISCOVERY_INTERVAL_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(1_000),
            Importance.LOW, "How often followed workspaces are checked for new projects (which reconfigures "
                + "the tasks), in milliseconds")
        .define(WATERMARK_OVERLAP_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
            "After an expired sync token, how far before the watermark the re-crawl reads again: more than "
                + "the clock skew between the worker and Asana")
        .define(VALUE_FORMAT, Type.STRING, "json",
            ConfigDef.CaseInsensitiveValidString.in("json", "map", "struct"), Importance.MEDIUM,
            "Record values: json (the record's JSON text, for StringConverter), map (schemaless, for "
                + "JsonConverter with schemas.enable=false) or struct (a Connect Struct with a schema)");
    for (String tenant : tenantNames) {
      String group = "Tenant " + tenant;
      def.define(tenantKey(tenant, TOKEN), Type.PASSWORD, null, Importance.HIGH,
              "Personal access token (or set the three OAuth settings instead)", group, 1, ConfigDef.Width.LONG,
              "Token")
          .define(tenantKey(tenant, OAUTH_CLIENT_ID), Type.STRING, null, Importance.MEDIUM, "OAuth client id",
              group, 2, ConfigDef.Width.MEDIUM, "OAuth client id")
          .define(tenantKey(tenant, OAUTH_CLIENT_SECRET), Type.PASSWORD, null, Importance.MEDIUM,
              "OAuth client secret", group, 3, ConfigDef.Width.LONG, "OAuth client secret")
          .define(tenantKey(tenant, OAUTH_REFRESH_TOKEN), Type.PASSWORD, null, Importance.MEDIUM,
              "OAuth refresh token", group, 4, ConfigDef.Width.LONG, "OAuth refresh token")
          .define(tenantKey(tenant, WORKSPACES), Type.LIST, "", Importance.HIGH,
              "Workspace gids: all their unarchived projects, and their projects, tags and users streams",
              group, 5, ConfigDef.Width.LONG, "Workspaces")
          .define(tenantKey(tenant, PROJECTS), Type.LIST, "", Importance.HIGH,
              "Project gids followed in addition to the workspaces' projects", group, 6, ConfigDef.Width.LONG,
              "Projects")
          .define(tenantKey(tenant, REQUESTS_PER_MINUTE), Type.INT, 1_500, ConfigDef.Range.atLeast(1),
              Importance.MEDIUM, "Requests a minute this tenant's client may send (Asana allows 1,500 a "
                  + "minute per token on paid plans, 150 on free ones)", group, 7, ConfigDef.Width.SHORT,
              "Requests per minute");
    }
    return def;
  }

  /**
   * Checks a whole configuration as Connect's REST validation does: each setting's own checks, then the
   * ones across settings (a tenant's credentials, what it follows, the topic names), each error attached
   * to the setting it concerns.
   */
  public static Config validate(Map<String, String> props) {
    List<String> tenantNames = tenantNames(props);
    List<ConfigValue> values = definition(tenantNames).validate(props);
    Map<String, ConfigValue> byName = new LinkedHashMap<>();
    values.forEach(v -> byName.put(v.name(), v));
    for (Problem problem : crossChecks(props, tenantNames)) {
      // Named in the message too: Connect's 400 answer to a PUT lists the messages without their settings.
      byName.computeIfAbsent(problem.key(), ConfigValue::new).addErrorMessage(problem.key() + ": " + problem.message());
    }
    return new Config(new ArrayList<>(byName.values()));
  }

  /**
   * The settings, or a {@link ConfigException} naming the first bad setting (its value left out when
   * it is a secret).
   */
  public static AsanaSourceConfig parse(Map<String, String> props) {
    List<String> tenantNames = tenantNames(props);
    Map<String, Object> values = definition(tenantNames).parse(props);
    List<Problem> problems = crossChecks(props, tenantNames);
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      throw new ConfigException(first.key() + ": " + first.message());
    }
    List<Tenant> tenants = new ArrayList<>();
    for (String name : tenantNames) {
      tenants.add(new Tenant(name, (Password) values.get(tenantKey(name, TOKEN)),
          (String) values.get(tenantKey(name, OAUTH_CLIENT_ID)),
          (Password) values.get(tenantKey(name, OAUTH_CLIENT_SECRET)),
          (Password) values.get(tenantKey(name, OAUTH_REFRESH_TOKEN)),
          trimmed(values.get(tenantKey(name, WORKSPACES))), trimmed(values.get(tenantKey(name, PROJECTS))),
          (Integer) values.get(tenantKey(name, REQUESTS_PER_MINUTE))));
    }
    return new AsanaSourceConfig(values, tenants);
  }

  private record Problem(String key, String message) {
  }

  private static List<String> tenantNames(Map<String, String> props) {
    String raw = props.get(TENANTS);
    List<String> names = new ArrayList<>();
    if (raw != null) {
      for (String name : raw.split(",")) {
        if (!name.isBlank() && NAME.matcher(name.trim()).matches() && !names.contains(name.trim())) {
          names.add(name.trim());
        }
      }
    }
    return names;
  }

  private static List<Problem> crossChecks(Map<String, String> props, List<String> tenantNames) {
    List<Problem> problems = new ArrayList<>();
    String rawTenants = props.get(TENANTS);
    if (rawTenants != null) {
      Set<String> seen = new LinkedHashSet<>();
      for (String name : rawTenants.split(",")) {
        String trimmed = name.trim();
        if (!NAME.matcher(trimmed).matches()) {
          problems.add(new Problem(TENANTS, "tenant name '" + trimmed + "' must be 1-64 letters, digits, _ or -"));
        } else if (!seen.add(trimmed)) {
          problems.add(new Problem(TENANTS, "tenant '" + trimmed + "' is named twice"));
        }
      }
      if (seen.isEmpty() && problems.isEmpty()) {
        problems.add(new Problem(TENANTS, "name at least one tenant"));
      }
    }
    for (String tenant : tenantNames) {
      boolean token = present(props, tenantKey(tenant, TOKEN));
      boolean id = present(props, tenantKey(tenant, OAUTH_CLIENT_ID));
      boolean secret = present(props, tenantKey(tenant, OAUTH_CLIENT_SECRET));
      boolean refresh = present(props, tenantKey(tenant, OAUTH_REFRESH_TOKEN));
      boolean anyOAuth = id || secret || refresh;
      if (token && anyOAuth) {
        problems.add(new Problem(tenantKey(tenant, TOKEN), "set either a token or the OAuth settings, not both"));
      } else if (!token && !anyOAuth) {
        problems.add(new Problem(tenantKey(tenant, TOKEN), "is required (or set " + tenantKey(tenant, OAUTH_CLIENT_ID)
            + ", " + tenantKey(tenant, OAUTH_CLIENT_SECRET) + " and " + tenantKey(tenant, OAUTH_REFRESH_TOKEN) + ")"));
      } else if (anyOAuth) {
        for (String suffix : List.of(OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, OAUTH_REFRESH_TOKEN)) {
          if (!present(props, tenantKey(tenant, suffix))) {
            problems.add(new Problem(tenantKey(tenant, suffix), "is required with the other OAuth settings"));
          }
        }
      }
      List<String> workspaces = gids(props, tenantKey(tenant, WORKSPACES), problems);
      List<String> projects = gids(props, tenantKey(tenant, PROJECTS), problems);
      if (workspaces.isEmpty() && projects.isEmpty()) {
        problems.add(new Problem(tenantKey(tenant, WORKSPACES), "name at least one workspace or project to follow "
            + "(or set " + tenantKey(tenant, PROJECTS) + ")"));
      }
    }
    String streams = props.get(STREAMS);
    if (streams != null) {
      if (streams.isBlank()) {
        problems.add(new Problem(STREAMS, "name at least one stream"));
      }
      for (String stream : streams.split(",")) {
        if (!stream.isBlank() && AsanaStream.byConfigName(stream.trim()).isEmpty()) {
          problems.add(new Problem(STREAMS, "unknown stream '" + stream.trim()
              + "': use tasks, sections, stories, projects, tags or users"));
        }
      }
    }
    String pattern = props.getOrDefault(TOPIC_PATTERN, DEFAULT_TOPIC_PATTERN);
    if (pattern != null && !pattern.contains("${stream}")) {
      problems.add(new Problem(TOPIC_PATTERN, "must contain ${stream}: each stream's records need a topic of their own"));
    } else if (pattern != null) {
      for (String tenant : tenantNames.isEmpty() ? List.of("tenant") : tenantNames) {
        String topic = topic(pattern, tenant, "stories");
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
          problems.add(new Problem(TOPIC_PATTERN, "gives '" + topic + "', not a legal topic name (letters, digits, "
              + "'.', '_' and '-', at most 249)"));
          break;
        }
      }
    }
    return problems;
  }

  private static List<String> gids(Map<String, String> props, String key, List<Problem> problems) {
    List<String> gids = new ArrayList<>();
    String raw = props.get(key);
    if (raw == null || raw.isBlank()) {
      return gids;
    }
    for (String gid : raw.split(",")) {
      String trimmed = gid.trim();
      if (GID.matcher(trimmed).matches()) {
        gids.add(trimmed);
      } else {
        problems.add(new Problem(key, "'" + trimmed + "' is not a gid (digits only)"));
      }
    }
    return gids;
  }

  private static boolean present(Map<String, String> props, String key) {
    String value = props.get(key);
    return value != null && !value.isBlank();
  }

  private static List<String> trimmed(Object list) {
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) list) {
      if (!item.toString().isBlank()) {
        out.add(item.toString().trim());
      }
    }
    return List.copyOf(out);
  }

  /** The topic for a tenant's stream under {@code pattern}. */
  static String topic(String pattern, String tenant, String stream) {
    return pattern.replace("${tenant}", tenant).replace("${stream}", stream);
  }

  /** The topic of {@code tenant}'s {@code stream}. */
  public String topic(String tenant, AsanaStream stream) {
    return topic(topicPattern, tenant, stream.configName());
  }

  /** The tenants, in the order named. */
  public List<Tenant> tenants() {
    return tenants;
  }

  /** The tenant named {@code name}. */
  public Tenant tenant(String name) {
    return tenants.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new ConfigException(TENANTS, name, "no such tenant"));
  }

  /** Asana's API base URL. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The OAuth token endpoint. */
  public String oauthTokenUrl() {
    return oauthTokenUrl;
  }

  /** The streams followed. */
  public List<AsanaStream> streams() {
    return streams;
  }

  /** How often project events are polled. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** How often workspace-scoped streams are listed again. */
  public Duration workspaceRefreshInterval() {
    return workspaceRefreshInterval;
  }

  /** How often workspaces are checked for new projects. */
  public Duration projectDiscoveryInterval() {
    return projectDiscoveryInterval;
  }

  /** The overlap of a re-crawl after an expired sync token. */
  public Duration watermarkOverlap() {
    return watermarkOverlap;
  }

  /** The form of record values. */
  public ValueFormat valueFormat() {
    return valueFormat;
  }

  @Override
  public String toString() {
    return "AsanaSourceConfig[" + tenants + ", streams " + streams + ", topics " + topicPattern + "]";
  }
}
