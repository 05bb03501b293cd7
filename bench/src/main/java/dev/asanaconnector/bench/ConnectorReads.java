package dev.asanaconnector.bench;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.Params;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.http.RateLimits;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * The connector, as its README shows it: {@code projectTasks().iterate(...)} with {@code limit(100)}
 * (which sends the documented {@code opt_fields} itself), {@code tasks().get(...)},
 * {@code attachments().download(...).writeTo(...)}. Unless told otherwise the client is built with
 * {@link RateLimits#unlimited()}, so that the figures measure the connector's overhead, not its pacing;
 * the retry policy is the default one (it costs nothing while every answer is a 200).
 */
final class ConnectorReads implements TaskReads {
  private static final Params PAGES_OF_100 = Params.builder().limit(PAGE_SIZE).build();

  private final AsanaClient asana;

  ConnectorReads(Target target, RateLimits limits) {
    AsanaClient.Builder builder = AsanaClient.builder()
        .baseUrl(target.baseUrl())
        .personalAccessToken(target.token());
    builder.http().rateLimits(limits != null ? limits : RateLimits.unlimited());

    this.asana = builder.build();
  }

  AsanaClient client() {
    return asana;
  }

  @Override
  public long listProjectTasks(String projectGid, Consumer<Object> sink) {
    long count = 0;
    for (TaskCompact task : asana.projectTasks().iterate(projectGid, PAGES_OF_100)) {
      sink.accept(task);
      count++;
    }
    return count;
  }

  @Override
  public Object firstTask(String projectGid) {
    return asana.projectTasks().list(projectGid, PAGES_OF_100).data().get(0);
  }

  @Override
  public Object getTask(String taskGid) {
    TaskResponse task = asana.tasks().get(taskGid);
    return task;
  }

  @Override
  public long download(String attachmentGid, OutputStream sink) {
    return asana.attachments().download(attachmentGid).writeTo(sink);
  }

  @Override
  public String gidOf(Object record) {
    if (record instanceof TaskCompact task) {
      return task.getGid();
    }
    return ((TaskResponse) record).getGid();
  }

  @Override
  public void close() {
    asana.httpClient().dispatcher().executorService().shutdown();
    asana.httpClient().connectionPool().evictAll();
  }
}
