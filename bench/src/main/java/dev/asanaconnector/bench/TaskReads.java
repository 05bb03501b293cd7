package dev.asanaconnector.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * What each contender does in the benchmarks, the same requests for all three: list a project's tasks
 * in pages of 100 with the same {@code opt_fields}, get one task's full record, download an attachment.
 */
public interface TaskReads extends AutoCloseable {
  /**
   * The fields the connector's {@code project_tasks} list asks for by default (its documented record
   * fields but gid and resource_type, which every record carries); the raw loop and the official client
   * ask for the same, so all three get the same bytes.
   */
  List<String> TASK_LIST_FIELDS = List.of("name", "resource_subtype", "created_by");
  String TASK_LIST_FIELDS_QUERY = String.join(",", TASK_LIST_FIELDS);
  int PAGE_SIZE = 100;

  /** Iterates every task of the project, 100 a page, handing each record to {@code sink}; returns the count. */
  long listProjectTasks(String projectGid, Consumer<Object> sink);

  /** Fetches only the first page of the project's tasks and returns its first record. */
  Object firstTask(String projectGid);

  /** One task's full record (no {@code opt_fields}: Asana's default full representation). */
  Object getTask(String taskGid);

  /**
   * Fetches the attachment record, then copies the file from its {@code download_url} into {@code sink};
   * returns the number of bytes copied.
   */
  long download(String attachmentGid, OutputStream sink) throws IOException;

  /** The gid of a record this contender returned (for cross-checks). */
  String gidOf(Object record);

  @Override
  void close();
}
