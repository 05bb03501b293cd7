package dev.asanaconnector.bench;

import com.asana.Client;
import com.asana.models.Task;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Asana's official Java client 1.0.0 as its README shows it: {@code Client.accessToken(token)}, the
 * base URL in the {@code base_url} option (without the trailing slash: its paths start with one),
 * {@code page_size} 100, and the collection request's own iterator, which fetches page after page.
 * It asks for the same {@code opt_fields} as the other two. It has no download helper: it takes no
 * part in the download scenario.
 */
final class OfficialReads implements TaskReads {
  private final Client client;

  OfficialReads(Target target) {
    client = Client.accessToken(target.token());
    String base = target.baseUrl();
    client.options.put("base_url", base.substring(0, base.length() - 1));
    client.options.put("page_size", PAGE_SIZE);
  }

  @Override
  public long listProjectTasks(String projectGid, Consumer<Object> sink) {
    long count = 0;
    for (Task task : request(projectGid)) {
      sink.accept(task);
      count++;
    }
    return count;
  }

  private com.asana.requests.CollectionRequest<Task> request(String projectGid) {
    try {
      return client.tasks.getTasksForProject(projectGid, null, null, null, TASK_LIST_FIELDS, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Object firstTask(String projectGid) {
    Iterator<Task> tasks = request(projectGid).iterator();
    return tasks.next();
  }

  @Override
  public Object getTask(String taskGid) {
    try {
      return client.tasks.getTask(taskGid, null, null).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long download(String attachmentGid, OutputStream sink) {
    throw new UnsupportedOperationException("the official client has no attachment download");
  }

  @Override
  public String gidOf(Object record) {
    return ((Task) record).gid;
  }

  @Override
  public void close() {
    // google-http-client's NetHttpTransport holds nothing to release.
  }
}
