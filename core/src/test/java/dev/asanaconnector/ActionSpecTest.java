package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionSpecTest {
  @Test
  void aRouteNamesItsPathSlotsInOrder() {
    ActionSpec.Route route = ActionSpec.Route.of("GET", "workspaces/{workspace_gid}/tasks/search", false);

    assertEquals(List.of("workspace_gid"), route.pathParams());
    assertTrue(route.isRead());
    assertEquals(List.of("task_gid", "tag_gid"), ActionSpec.Route.of("POST", "tasks/{task_gid}/x/{tag_gid}", false)
        .pathParams());
    assertFalse(ActionSpec.Route.of("DELETE", "tags/{tag_gid}", false).isRead());
  }

  @Test
  void aReadWhosePathSlotIsNotAParameterIsRefusedWhenTheCatalogIsBuilt() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ActionSpec.builder("things",
        ActionKind.GET).reads("things/{thing_gid}", "getThing").build());

    assertTrue(e.getMessage().contains("{thing_gid}"), e.getMessage());
  }

  @Test
  void everyCatalogActionHasARouteWhosePathParametersItDeclares() {
    for (var actions : Catalog.entities().values()) {
      for (ActionSpec spec : actions.values()) {
        for (String name : spec.route.pathParams()) {
          assertTrue(spec.params.get(name).required(), spec.name() + " requires " + name);
        }
        assertEquals(!spec.kind.isWrite(), spec.route.isRead(), spec.name());
      }
    }
  }
}
