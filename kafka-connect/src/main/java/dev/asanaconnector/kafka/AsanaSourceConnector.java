package dev.asanaconnector.kafka;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.ForbiddenException;
import dev.asanaconnector.UnauthorizedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect source connector keeping many Asana tenants in sync: each tenant's followed projects
 * (tasks, sections, stories through their events) and workspaces (projects, tags, users) to topics.
 *
 * <p>The tenant (its token) is the unit of distribution: {@link #taskConfigs} puts all partitions of a
 * tenant in one task, so that one client and its rate limiter serve the token, and spreads the tenants
 * over up to {@code tasks.max} tasks. The projects of followed workspaces are resolved here; a monitor
 * thread lists them again every {@code project.discovery.interval.ms} and asks Connect to reconfigure
 * the tasks when the set changed. Configuration is checked by {@link AsanaSourceConfig} before any
 * request.
 */
public class AsanaSourceConnector extends SourceConnector {
  /** The connector's version, as Connect reports it. */
  public static final String VERSION = "0.1.0";

  private static final Logger log = LoggerFactory.getLogger(AsanaSourceConnector.class);

  private Map<String, String> props;
  private AsanaSourceConfig config;
  private final Map<String, AsanaClient> clients = new HashMap<>();
  /** The projects each tenant follows as the last task configurations were made; guarded by this. */
  private Map<String, List<String>> resolved = new LinkedHashMap<>();
  private ScheduledExecutorService monitor;

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public ConfigDef config() {
    return AsanaSourceConfig.baseDefinition();
  }

  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    return AsanaSourceConfig.validate(connectorConfigs);
  }

  @Override
  public void start(Map<String, String> props) {
    this.props = Map.copyOf(props);
    this.config = AsanaSourceConfig.parse(props); // a ConfigException naming the setting, before any request
    for (AsanaSourceConfig.Tenant tenant : config.tenants()) {
      clients.put(tenant.name(), TenantClients.create(config, tenant));
    }
    Map<String, List<String>> first = new LinkedHashMap<>();
    for (AsanaSourceConfig.Tenant tenant : config.tenants()) {
      first.put(tenant.name(), discover(tenant, true));
    }
    synchronized (this) {
      resolved = first;
    }
    if (config.tenants().stream().anyMatch(t -> !t.workspaces().isEmpty())) {
      monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "asana-project-discovery");
        thread.setDaemon(true);
        return thread;
      });
      long interval = config.projectDiscoveryInterval().toMillis();
      monitor.scheduleWithFixedDelay(this::checkForNewProjects, interval, interval, TimeUnit.MILLISECONDS);
    }
    log.info("Asana source connector started: {}", config);
  }

  /**
   * The projects {@code tenant} follows: those named, then the unarchived projects of its workspaces.
   * At start a refused credential fails the connector; other failures keep the projects known so far
   * (the next check tries again).
   */
  private List<String> discover(AsanaSourceConfig.Tenant tenant, boolean atStart) {
    Set<String> projects = new LinkedHashSet<>(tenant.projects());
    AsanaClient asana = clients.get(tenant.name());
    for (String workspace : tenant.workspaces()) {
      try {
        Map<String, Object> params = Map.of("workspace_gid", workspace, "archived", false, "limit", 100);
        for (Map<String, Object> page : asana.executePages("workspace_projects", "list", params)) {
          for (Map<String, Object> project : ProjectStreamReader.data(page)) {
            projects.add((String) project.get("gid"));
          }
        }
      } catch (UnauthorizedException | ForbiddenException e) {
        if (atStart) {
          throw new ConnectException("Tenant " + tenant.name() + ": Asana refused its credentials (" + e.status()
              + ") listing the projects of workspace " + workspace + "; check "
              + AsanaSourceConfig.tenantKey(tenant.name(), AsanaSourceConfig.TOKEN) + " or its OAuth settings", e);
        }
        log.warn("Tenant {}: Asana refused its credentials ({}) listing workspace {}", tenant.name(), e.status(),
            workspace);
        return previous(tenant.name(), projects);
      } catch (AsanaException e) {
        log.warn("Tenant {}: could not list the projects of workspace {} ({}); keeping those known", tenant.name(),
            workspace, e.getMessage());
        return previous(tenant.name(), projects);
      }
    }
    return List.copyOf(projects);
  }

  private synchronized List<String> previous(String tenant, Set<String> named) {
    Set<String> known = new LinkedHashSet<>(named);
    known.addAll(resolved.getOrDefault(tenant, List.of()));
    return List.copyOf(known);
  }

  /** The monitor's check: reconfigure when a tenant's set of projects changed. */
  void checkForNewProjects() {
    try {
      Map<String, List<String>> now = new LinkedHashMap<>();
      for (AsanaSourceConfig.Tenant tenant : config.tenants()) {
        now.put(tenant.name(), discover(tenant, false));
      }
      boolean changed;
      synchronized (this) {
        changed = !sameSets(now, resolved);
        if (changed) {
          resolved = now;
        }
      }
      if (changed) {
        log.info("New or removed projects in a followed workspace: reconfiguring the tasks");
        context.requestTaskReconfiguration();
      }
    } catch (RuntimeException e) {
      log.warn("Project discovery failed; trying again at the next interval", e);
    }
  }

  private static boolean sameSets(Map<String, List<String>> a, Map<String, List<String>> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (String tenant : a.keySet()) {
      if (!Set.copyOf(a.get(tenant)).equals(Set.copyOf(b.get(tenant)))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return AsanaSourceTask.class;
  }

  /**
   * One configuration per group of tenants: all partitions of a tenant in one task, the tenants spread
   * over {@code min(maxTasks, tenants)} tasks. Each carries the connector's settings, its tenants and
   * their resolved projects.
   */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    Map<String, List<String>> projects;
    synchronized (this) {
      projects = new LinkedHashMap<>(resolved);
    }
    return taskConfigs(props, config, projects, maxTasks);
  }

  static List<Map<String, String>> taskConfigs(Map<String, String> props, AsanaSourceConfig config,
      Map<String, List<String>> projects, int maxTasks) {
    List<String> tenants = config.tenants().stream().map(AsanaSourceConfig.Tenant::name).toList();
    int groups = Math.max(1, Math.min(maxTasks, tenants.size()));
    List<Map<String, String>> configs = new ArrayList<>();
    for (List<String> group : ConnectorUtils.groupPartitions(tenants, groups)) {
      if (group.isEmpty()) {
        continue;
      }
      Map<String, String> task = new HashMap<>(props);
      task.put(AsanaSourceTask.TASK_TENANTS, String.join(",", group));
      for (String tenant : group) {
        task.put(AsanaSourceTask.resolvedProjectsKey(tenant),
            String.join(",", projects.getOrDefault(tenant, config.tenant(tenant).projects())));
      }
      configs.add(task);
    }
    return configs;
  }

  @Override
  public void stop() {
    if (monitor != null) {
      monitor.shutdownNow();
      monitor = null;
    }
    clients.clear();
  }

  /** Offsets are committed after records are written; a restart repeats at most one step per partition. */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.UNSUPPORTED;
  }
}
