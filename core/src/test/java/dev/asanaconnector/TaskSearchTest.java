package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every search filter the catalog declares has a typed setter on {@link TaskSearch.Builder}. */
class TaskSearchTest {
  @Test
  void everyDeclaredFilterHasATypedSetter() {
    LocalDate day = LocalDate.of(2026, 2, 1);
    OffsetDateTime time = OffsetDateTime.parse("2026-02-01T09:00:00Z");
    TaskSearch search = TaskSearch.builder()
        .text("x").resourceSubtype("milestone").sortBy("likes").sortAscending(true)
        .completed(false).isBlocked(true).isBlocking(true).isSubtask(false).hasAttachment(true)
        .assigneeAny("1").assigneeNot("1").portfoliosAny("1").projectsAny("1").projectsNot("1").projectsAll("1")
        .sectionsAny("1").sectionsNot("1").sectionsAll("1").tagsAny("1").tagsNot("1").tagsAll("1").teamsAny("1")
        .followersAny("1").followersNot("1").createdByAny("1").createdByNot("1").assignedByAny("1")
        .assignedByNot("1").likedByNot("1").commentedOnByNot("1")
        .dueOn(day).dueOnBefore(day).dueOnAfter(day).dueAtBefore(time).dueAtAfter(time)
        .startOn(day).startOnBefore(day).startOnAfter(day)
        .createdOn(day).createdOnBefore(day).createdOnAfter(day).createdAtBefore(time).createdAtAfter(time)
        .completedOn(day).completedOnBefore(day).completedOnAfter(day).completedAtBefore(time)
        .completedAtAfter(time)
        .modifiedOn(day).modifiedOnBefore(day).modifiedOnAfter(day).modifiedAtBefore(time).modifiedAtAfter(time)
        .build();
    Set<String> declared = new TreeSet<>(Catalog.find("workspace_task_search", "list").params.keySet());
    declared.removeAll(Set.of("workspace_gid", "limit", "offset"));
    assertEquals(declared, new TreeSet<>(search.toParams().keySet()));
    ActionArgs args = Dispatcher.validate(Catalog.find("workspace_task_search", "list"),
        Params.with(Params.builder().putAll(search.toParams()).build(), "workspace_gid", "5"));
    assertEquals(day, args.date("start_on"));
    assertEquals(day, args.date("created_on"));
    assertEquals(day, args.date("completed_on"));
    assertEquals(day, args.date("modified_on"));
  }
}
