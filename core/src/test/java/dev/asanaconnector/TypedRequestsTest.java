package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The request types: the params they turn into (under the reference's names, typed values as the catalog
 * takes them, a cleared field as null and an unset one absent), immutability, and enums that spell
 * exactly the values the catalog accepts.
 */
class TypedRequestsTest {
  @Test
  void anUpdateTellsUnchangedFromCleared() {
    TaskUpdate update = TaskUpdate.builder().name("Plan").clearDueOn().clearAssignee().completed(true).build();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Plan");
    expected.put("due_on", null);
    expected.put("assignee", null);
    expected.put("completed", true);
    assertEquals(expected, update.toParams());
    assertFalse(update.toParams().containsKey("notes"), "unset: not sent, so unchanged");
    assertTrue(update.toParams().containsKey("due_on"), "cleared: sent as null");
  }

  @Test
  void theLastCallForAFieldWins() {
    LocalDate date = LocalDate.of(2030, 1, 31);
    assertEquals(Map.of("due_on", date), TaskUpdate.builder().clearDueOn().dueOn(date).build().toParams());
    assertTrue(TaskUpdate.builder().dueOn(date).clearDueOn().build().toParams().get("due_on") == null);
  }

  @Test
  void settersRefuseNullSoThatClearingIsAlwaysExplicit() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> TaskUpdate.builder().dueOn(null));
    assertTrue(e.getMessage().startsWith("due_on must not be null"), e.getMessage());
    assertThrows(NullPointerException.class, () -> ProjectCreate.builder().color(null));
    assertThrows(NullPointerException.class, () -> TaskCreate.builder().projects(Arrays.asList("1", null)));
  }

  @Test
  void typedValuesBecomeTheReferencesParams() {
    OffsetDateTime nine = OffsetDateTime.parse("2030-01-31T09:00:00Z");
    TaskCreate task = TaskCreate.builder().workspace("1").name("Plan").dueAt(nine).startOn(LocalDate.of(2030, 1, 2))
        .projects(List.of("11", "12")).tags(List.of("21")).followers(List.of("31")).parent("41")
        .subtype(TaskSubtype.MILESTONE).htmlNotes("<body>x</body>").assignee("me").build();
    assertEquals(List.of("workspace", "name", "due_at", "start_on", "projects", "tags", "followers", "parent",
        "resource_subtype", "html_notes", "assignee"), List.copyOf(task.toParams().keySet()));
    assertEquals("milestone", task.toParams().get("resource_subtype"));
    assertEquals(List.of("11", "12"), task.toParams().get("projects"));
    assertEquals(nine, task.toParams().get("due_at"));

    ProjectCreate project = ProjectCreate.builder().workspace("1").name("P").color(Color.DARK_WARM_GRAY)
        .defaultView(ProjectView.TIMELINE).privacy(ProjectPrivacy.PUBLIC_TO_WORKSPACE).build();
    assertEquals("dark-warm-gray", project.toParams().get("color"));
    assertEquals("timeline", project.toParams().get("default_view"));
    assertEquals("public_to_workspace", project.toParams().get("privacy_setting"));
    assertEquals(Map.of("is_pinned", true, "html_text", "<body>a</body>"),
        StoryCreate.builder().htmlText("<body>a</body>").pinned(true).build().toParams());
    assertEquals(Map.of("insert_after", "7"), TaskPosition.after("7").toParams());
    assertEquals(Map.of("section", "8"), TaskPosition.inSection("8").toParams());
  }

  @Test
  void requestsAreImmutableAndTheirBuildersReusable() {
    List<String> projects = new ArrayList<>(List.of("11"));
    TaskCreate.Builder builder = TaskCreate.builder().name("A").projects(projects);
    TaskCreate first = builder.build();
    projects.add("12");
    TaskCreate second = builder.name("B").build();
    assertEquals(List.of("11"), first.toParams().get("projects"), "the caller's list was copied");
    assertEquals("A", first.toParams().get("name"), "building again does not change what was built");
    assertNotEquals(first, second);
    assertEquals(first, TaskCreate.builder().name("A").projects(List.of("11")).build());
    assertThrows(UnsupportedOperationException.class, () -> first.toParams().put("name", "C"));
    assertThrows(UnsupportedOperationException.class, () -> TagUpdate.builder().clearColor().build().toParams()
        .remove("color"));
    assertEquals("TagUpdate{color=null}", TagUpdate.builder().clearColor().build().toString());
  }

  @Test
  void theEnumsSpellExactlyTheValuesTheCatalogAccepts() {
    assertEquals(allowed("workspace_tags", "create", "color"), names(Color.values(), Color::asanaName));
    List<String> projectColors = new ArrayList<>(names(Color.values(), Color::asanaName));
    projectColors.add("none"); // Asana's own "no color"; the typed API clears instead (clearColor)
    assertEquals(allowed("projects", "update", "color"), projectColors);
    assertEquals(allowed("projects", "create", "default_view"), names(ProjectView.values(), ProjectView::asanaName));
    assertEquals(allowed("projects", "create", "privacy_setting"), names(ProjectPrivacy.values(), ProjectPrivacy::asanaName));
    assertEquals(allowed("tasks", "create", "resource_subtype"), names(TaskSubtype.values(), TaskSubtype::asanaName));
  }

  /** Every field a request type sets is a parameter of the action it is sent with. */
  @Test
  void everyFieldIsAParameterOfItsAction() {
    OffsetDateTime now = OffsetDateTime.parse("2030-01-01T00:00:00Z");
    LocalDate today = LocalDate.of(2030, 1, 1);
    Map<String, Map<String, Object>> sent = Map.of(
        "tasks create", TaskCreate.builder().workspace("1").name("n").notes("n").htmlNotes("h").assignee("me")
            .dueOn(today).dueAt(now).startOn(today).completed(true).projects(List.of("1")).parent("1")
            .tags(List.of("1")).followers(List.of("1")).subtype(TaskSubtype.APPROVAL).build().toParams(),
        "tasks update", TaskUpdate.builder().name("n").notes("n").htmlNotes("h").assignee("me").dueOn(today)
            .dueAt(now).startOn(today).completed(true).build().toParams(),
        "projects create", ProjectCreate.builder().workspace("1").name("n").team("1").notes("n").htmlNotes("h")
            .color(Color.DARK_BLUE).defaultView(ProjectView.LIST).privacy(ProjectPrivacy.PRIVATE).dueOn(today)
            .startOn(today).build().toParams(),
        "projects update", ProjectUpdate.builder().name("n").notes("n").htmlNotes("h").color(Color.DARK_BLUE)
            .defaultView(ProjectView.LIST).dueOn(today).startOn(today).archived(true).build().toParams(),
        "workspace_tags create", TagCreate.builder().name("n").color(Color.LIGHT_TEAL).notes("n").build().toParams(),
        "tags update", TagUpdate.builder().name("n").color(Color.LIGHT_TEAL).notes("n").build().toParams(),
        "project_sections create", SectionCreate.builder().name("n").insertBefore("1").insertAfter("2").build()
            .toParams(),
        "task_stories create", StoryCreate.builder().text("t").htmlText("h").pinned(true).build().toParams());
    sent.forEach((action, params) -> {
      String[] names = action.split(" ");
      ActionSpec spec = Catalog.find(names[0], names[1]);
      assertTrue(spec.params.keySet().containsAll(params.keySet()), action + " takes " + spec.params.keySet()
          + ", not all of " + params.keySet());
    });
  }

  private static List<String> allowed(String entity, String action, String param) {
    return Catalog.find(entity, action).params.get(param).allowed();
  }

  private static <E> List<String> names(E[] values, Function<E, String> asanaName) {
    return Stream.of(values).map(asanaName).toList();
  }
}
