package dev.asanaconnector.bench;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/**
 * The floor's records: what someone writing the calls by hand with OkHttp and Moshi would declare.
 * Every field the sandbox returns has a place (nothing is skipped unread), timestamps stay strings.
 */
final class RawModels {
  private RawModels() {
  }

  /** A compact reference to another object ({@code {gid, name, resource_type}}). */
  static final class Ref {
    String gid;
    String name;
    @Json(name = "resource_type") String resourceType;
    @Json(name = "resource_subtype") String resourceSubtype;
  }

  /** A task as a list returns it with the connector's default {@code opt_fields}. */
  static final class CompactTask {
    String gid;
    @Json(name = "resource_type") String resourceType;
    String name;
    @Json(name = "resource_subtype") String resourceSubtype;
    @Json(name = "created_by") Ref createdBy;
  }

  static final class NextPage {
    String offset;
    String path;
    String uri;
  }

  static final class TaskPage {
    List<CompactTask> data;
    @Json(name = "next_page") NextPage nextPage;

    /**
     * The hand-written loops' pagination: fetches the first page ({@code null} offset), hands each task to
     * {@code sink} and follows {@code next_page.offset} to the end; returns the count.
     */
    static long walk(java.util.function.Function<String, TaskPage> fetch, java.util.function.Consumer<Object> sink) {
      long count = 0;
      String offset = null;
      do {
        TaskPage page = fetch.apply(offset);
        for (CompactTask task : page.data) {
          sink.accept(task);
          count++;
        }
        offset = page.nextPage == null ? null : page.nextPage.offset;
      } while (offset != null);
      return count;
    }
  }

  static final class Membership {
    Ref project;
    Ref section;
  }

  /** A task's full record. */
  static final class Task {
    String gid;
    @Json(name = "resource_type") String resourceType;
    String name;
    @Json(name = "resource_subtype") String resourceSubtype;
    @Json(name = "actual_time_minutes") Double actualTimeMinutes;
    Ref assignee;
    Boolean completed;
    @Json(name = "completed_at") String completedAt;
    @Json(name = "completed_by") Ref completedBy;
    @Json(name = "created_at") String createdAt;
    @Json(name = "created_by") Ref createdBy;
    @Json(name = "custom_fields") List<Map<String, Object>> customFields;
    List<Ref> dependencies;
    List<Ref> dependents;
    @Json(name = "due_at") String dueAt;
    @Json(name = "due_on") String dueOn;
    List<Ref> followers;
    Boolean hearted;
    List<Map<String, Object>> hearts;
    @Json(name = "html_notes") String htmlNotes;
    @Json(name = "is_rendered_as_separator") Boolean isRenderedAsSeparator;
    Boolean liked;
    List<Map<String, Object>> likes;
    List<Membership> memberships;
    @Json(name = "modified_at") String modifiedAt;
    String notes;
    @Json(name = "num_hearts") Integer numHearts;
    @Json(name = "num_likes") Integer numLikes;
    @Json(name = "num_subtasks") Integer numSubtasks;
    Ref parent;
    @Json(name = "permalink_url") String permalinkUrl;
    List<Ref> projects;
    @Json(name = "start_at") String startAt;
    @Json(name = "start_on") String startOn;
    List<Ref> tags;
    Ref workspace;
  }

  static final class TaskEnvelope {
    Task data;
  }

  static final class Attachment {
    String gid;
    @Json(name = "resource_type") String resourceType;
    String name;
    @Json(name = "resource_subtype") String resourceSubtype;
    @Json(name = "connected_to_app") Boolean connectedToApp;
    @Json(name = "created_at") String createdAt;
    @Json(name = "download_url") String downloadUrl;
    String host;
    Ref parent;
    @Json(name = "permanent_url") String permanentUrl;
    Long size;
    @Json(name = "view_url") String viewUrl;
  }

  static final class AttachmentEnvelope {
    Attachment data;
  }
}
