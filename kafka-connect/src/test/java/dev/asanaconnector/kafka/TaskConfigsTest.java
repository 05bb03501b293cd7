package dev.asanaconnector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** taskConfigs: the tenant is the unit, every tenant in exactly one task, tasks capped by tenants and maxTasks. */
class TaskConfigsTest {
  static Map<String, String> threeTenants() {
    Map<String, String> props = new HashMap<>();
    props.put("asana.tenants", "a,b,c");
    for (String t : List.of("a", "b", "c")) {
      props.put("asana.tenant." + t + ".token", "token-" + t);
      props.put("asana.tenant." + t + ".projects", "1" + t.charAt(0));
    }
    props.put("asana.tenant.a.projects", "11");
    props.put("asana.tenant.b.projects", "12");
    props.put("asana.tenant.c.projects", "13");
    return props;
  }

  static List<Map<String, String>> configs(int maxTasks) {
    Map<String, String> props = threeTenants();
    Map<String, List<String>> projects = new LinkedHashMap<>();
    projects.put("a", List.of("11", "21", "31"));
    projects.put("b", List.of("12"));
    projects.put("c", List.of("13"));
    return AsanaSourceConnector.taskConfigs(props, AsanaSourceConfig.parse(props), projects, maxTasks);
  }

  static List<String> assigned(List<Map<String, String>> configs) {
    List<String> all = new ArrayList<>();
    configs.forEach(c -> all.addAll(List.of(c.get(AsanaSourceTask.TASK_TENANTS).split(","))));
    return all;
  }

  @Test
  void tenantsAreSpreadOverTheTasksEachInExactlyOne() {
    List<Map<String, String>> two = configs(2);
    assertEquals(2, two.size());
    assertEquals(List.of("a", "b", "c"), assigned(two).stream().sorted().toList());
    assertEquals(List.of(2, 1), two.stream().map(c -> c.get(AsanaSourceTask.TASK_TENANTS).split(",").length).toList());
    List<Map<String, String>> many = configs(10);
    assertEquals(3, many.size(), "no more tasks than tenants");
    assertEquals(List.of("a", "b", "c"), assigned(many));
    assertEquals(List.of("a,b,c"), configs(1).stream().map(c -> c.get(AsanaSourceTask.TASK_TENANTS)).toList());
  }

  @Test
  void eachTaskCarriesItsTenantsResolvedProjectsAndTheConnectorSettings() {
    Map<String, String> first = configs(3).get(0);
    assertEquals("a", first.get(AsanaSourceTask.TASK_TENANTS));
    assertEquals("11,21,31", first.get(AsanaSourceTask.resolvedProjectsKey("a")));
    assertEquals("token-a", first.get("asana.tenant.a.token"));
    assertEquals(null, first.get(AsanaSourceTask.resolvedProjectsKey("b")), "only its own tenants");
  }
}
