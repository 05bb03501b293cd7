package dev.asanaconnector;

import dev.asanaconnector.generated.model.SectionResponse;
import java.util.Map;

/**
 * Sections: get one, rename and delete. A project's sections are listed and created by
 * {@link AsanaClient#projectSections()}; tasks are moved into a section by
 * {@link AsanaClient#sectionTasks()}.
 */
public final class Sections {
  private final EntityCalls calls;

  Sections(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "sections");
  }

  /** The full record of the section {@code sectionGid}. */
  public SectionResponse get(String sectionGid) {
    return get(sectionGid, Params.none());
  }

  /**
   * The full record of the section {@code sectionGid}; {@code params} may add {@code opt_fields} and
   * headers.
   */
  public SectionResponse get(String sectionGid, Params params) {
    return calls.get(SectionResponse.class, params, "section_gid", sectionGid);
  }

  /**
   * Renames a section ({@code sections update}, whose only field is the name); returns the section.
   *
   * @throws InvalidParameterException for a missing name or a malformed gid, before anything is sent
   */
  public SectionResponse rename(String sectionGid, String name) {
    return calls.write(ActionKind.UPDATE, SectionResponse.class, Map.of(), "section_gid", sectionGid, "name", name);
  }

  /**
   * Deletes a section ({@code sections delete}); Asana refuses if it still has tasks or is the project's
   * last.
   */
  public void delete(String sectionGid) {
    calls.write(ActionKind.DELETE, Map.of(), "section_gid", sectionGid);
  }
}
