package dev.asanaconnector;

import dev.asanaconnector.generated.model.SectionCompact;
import dev.asanaconnector.generated.model.SectionResponse;
import java.util.Objects;

/**
 * The sections of a project: list them, create one.
 */
public final class ProjectSections {
  private final EntityCalls calls;

  ProjectSections(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "project_sections");
  }

  /**
   * One page of the sections of project {@code projectGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<SectionCompact> list(String projectGid, Params params) {
    return calls.list(SectionCompact.class, params, "project_gid", projectGid);
  }

  /** The first page of the sections of project {@code projectGid}, with no further parameters. */
  public Page<SectionCompact> list(String projectGid) {
    return list(projectGid, Params.none());
  }

  /** Every one of the sections of project {@code projectGid}, lazily, in pages of 100. */
  public PagedIterable<SectionCompact> iterate(String projectGid) {
    return iterate(projectGid, Params.none());
  }

  /**
   * Every one of the sections of project {@code projectGid}, lazily across pages; {@code limit} is the
   * page size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any
   * request.
   */
  public PagedIterable<SectionCompact> iterate(String projectGid, Params params) {
    return calls.iterate(SectionCompact.class, params, "project_gid", projectGid);
  }

  /**
   * Creates a section in a project ({@code project_sections create}), at the end or where {@code section}
   * places it, and returns it.
   *
   * @throws InvalidParameterException naming a missing or malformed field, before anything is sent
   */
  public SectionResponse create(String projectGid, SectionCreate section) {
    return calls.write(ActionKind.CREATE, SectionResponse.class,
        Objects.requireNonNull(section, "section").toParams(), "project_gid", projectGid);
  }
}
