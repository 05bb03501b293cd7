package dev.asanaconnector.generated;

import static dev.asanaconnector.generated.MockAsana.args;
import static dev.asanaconnector.generated.MockAsana.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.api.CustomFieldSettingsApi;
import dev.asanaconnector.generated.api.CustomFieldsApi;
import dev.asanaconnector.generated.api.EventsApi;
import dev.asanaconnector.generated.api.GoalsApi;
import dev.asanaconnector.generated.api.PortfoliosApi;
import dev.asanaconnector.generated.api.MembershipsApi;
import dev.asanaconnector.generated.model.AddFollowersForProjectRequest;
import dev.asanaconnector.generated.model.AddFollowersRequest;
import dev.asanaconnector.generated.model.AddFollowersRequestBody;
import dev.asanaconnector.generated.model.CreateMembershipRequest;
import dev.asanaconnector.generated.model.CreateMembershipRequestBody;
import dev.asanaconnector.generated.model.CreateTimeTrackingEntryRequest;
import dev.asanaconnector.generated.model.CreateTimeTrackingEntryRequestBody;
import dev.asanaconnector.generated.api.ProjectsApi;
import dev.asanaconnector.generated.api.SectionsApi;
import dev.asanaconnector.generated.api.StoriesApi;
import dev.asanaconnector.generated.api.TagsApi;
import dev.asanaconnector.generated.api.TeamsApi;
import dev.asanaconnector.generated.api.TimeTrackingEntriesApi;
import dev.asanaconnector.generated.api.UsersApi;
import dev.asanaconnector.generated.api.WebhooksApi;
import dev.asanaconnector.generated.api.WorkspacesApi;
import dev.asanaconnector.generated.model.AddCustomFieldSettingForProjectRequest;
import dev.asanaconnector.generated.model.AddCustomFieldSettingRequest;
import dev.asanaconnector.generated.model.AddCustomFieldSettingRequestCustomField;
import dev.asanaconnector.generated.model.CreateProjectRequest;
import dev.asanaconnector.generated.model.CreateSectionForProjectRequest;
import dev.asanaconnector.generated.model.CreateStoryForTaskRequest;
import dev.asanaconnector.generated.model.CreateTagForWorkspaceRequest;
import dev.asanaconnector.generated.model.CreateWebhookRequest;
import dev.asanaconnector.generated.model.CustomFieldResponse;
import dev.asanaconnector.generated.model.EventResponse;
import dev.asanaconnector.generated.model.GetCustomField200Response;
import dev.asanaconnector.generated.model.GetCustomFieldSettingsForProject200Response;
import dev.asanaconnector.generated.model.GetEvents200Response;
import dev.asanaconnector.generated.model.GetGoal200Response;
import dev.asanaconnector.generated.model.GetPortfolio200Response;
import dev.asanaconnector.generated.model.GetProject200Response;
import dev.asanaconnector.generated.model.GetProjectsForWorkspace200Response;
import dev.asanaconnector.generated.model.GetSectionsForProject200Response;
import dev.asanaconnector.generated.model.GetStoriesForTask200Response;
import dev.asanaconnector.generated.model.GetTeam200Response;
import dev.asanaconnector.generated.model.GetTimeTrackingEntriesForTask200Response;
import dev.asanaconnector.generated.model.GetUser200Response;
import dev.asanaconnector.generated.model.GetWebhooks200Response;
import dev.asanaconnector.generated.model.GetWorkspace200Response;
import dev.asanaconnector.generated.model.GetWorkspaces200Response;
import dev.asanaconnector.generated.model.InsertSectionForProjectRequest;
import dev.asanaconnector.generated.model.ProjectRequest;
import dev.asanaconnector.generated.model.ProjectResponse;
import dev.asanaconnector.generated.model.ProjectSectionInsertRequest;
import dev.asanaconnector.generated.model.SectionRequest;
import dev.asanaconnector.generated.model.StoryBase;
import dev.asanaconnector.generated.model.TagCreateTagForWorkspaceRequest;
import dev.asanaconnector.generated.model.TaskAddFollowersRequest;
import dev.asanaconnector.generated.model.TeamResponse;
import dev.asanaconnector.generated.model.UserResponse;
import dev.asanaconnector.generated.model.WebhookRequest;
import dev.asanaconnector.generated.model.WebhookRequestFiltersInner;
import dev.asanaconnector.generated.model.WebhookResponse;
import dev.asanaconnector.generated.model.WorkspaceResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One or more operations of each of the other main resources: method, path, query and JSON body as
 * Asana expects them, and responses (the spec's own examples where it has them) read into the models.
 */
class ResourceApisTest {
  private final MockAsana asana = new MockAsana();
  private final Spec spec = Spec.get();

  @AfterEach
  void close() {
    asana.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> response) {
    return (Map<String, Object>) response.get("data");
  }

  private static void assertRequest(RecordedRequest request, String method, String path) {
    assertEquals(method, request.getMethod());
    assertEquals(path, request.getUrl().encodedPath());
  }

  // --- projects -----------------------------------------------------------------------------------

  @Test
  void projectsForWorkspacePageWithLimitOffsetAndFilters() {
    asana.respond("""
        {"data": [{"gid": "1331", "resource_type": "project", "name": "Stuff to buy"}],
         "next_page": {"offset": "b2Zmc2V0", "path": "/workspaces/1000/projects?limit=1&offset=b2Zmc2V0",
                       "uri": "https://app.asana.com/api/1.0/workspaces/1000/projects?limit=1&offset=b2Zmc2V0"}}
        """);
    GetProjectsForWorkspace200Response page = execute(asana.api(ProjectsApi.class), "getProjectsForWorkspace",
        args("workspace_gid", "1000", "limit", 1, "offset", "eyJ0", "archived", false,
            "opt_fields", List.of("name", "owner.name", "due_on")));

    HttpUrl url = asana.request().getUrl();
    assertEquals("/api/1.0/workspaces/1000/projects", url.encodedPath());
    assertEquals("1", url.queryParameter("limit"));
    assertEquals("eyJ0", url.queryParameter("offset"));
    assertEquals("false", url.queryParameter("archived"));
    assertEquals(List.of("name,owner.name,due_on"), url.queryParameterValues("opt_fields"));
    assertEquals("Stuff to buy", page.getData().get(0).getName());
    assertEquals("b2Zmc2V0", page.getNextPage().getOffset());
    assertEquals(URI.create("https://app.asana.com/api/1.0/workspaces/1000/projects?limit=1&offset=b2Zmc2V0"),
        page.getNextPage().getUri());
  }

  @Test
  void getProjectReadsTheSpecsExample() {
    Map<String, Object> example = spec.exampleResponse("getProject");
    asana.respondWith(example);
    GetProject200Response response = execute(asana.api(ProjectsApi.class), "getProject",
        args("project_gid", "1331"));
    assertRequest(asana.request(), "GET", "/api/1.0/projects/1331");
    ProjectResponse project = response.getData();
    Map<String, Object> expected = data(example);
    assertEquals(expected.get("gid"), project.getGid());
    assertEquals(expected.get("name"), project.getName());
    assertEquals(LocalDate.parse((String) expected.get("due_on")), project.getDueOn());
    assertEquals(OffsetDateTime.parse((String) expected.get("created_at")), project.getCreatedAt());
    assertEquals(expected.get("color"), MockAsana.asJson(project.getColor(), ProjectResponse.ColorEnum.class));
  }

  @Test
  void createProjectPostsDataWithEnumAndDateValues() {
    asana.respond(201, "{\"data\": {\"gid\": \"1400\", \"name\": \"Launch\", \"color\": \"dark-green\"}}");
    ProjectRequest project = ProjectRequest.builder().name("Launch").color(ProjectRequest.ColorEnum.DARK_GREEN)
        .dueOn(LocalDate.of(2026, 6, 30)).notes("Plan").archived(false).build();
    ProjectResponse created = MockAsana.<dev.asanaconnector.generated.model.CreateProject201Response>execute(
        asana.api(ProjectsApi.class), "createProject", args("body", CreateProjectRequest.builder().data(project).build()))
        .getData();

    RecordedRequest request = asana.request();
    assertRequest(request, "POST", "/api/1.0/projects");
    assertEquals(Map.of("data", Map.of("name", "Launch", "color", "dark-green", "due_on", "2026-06-30",
        "notes", "Plan", "archived", false)), MockAsana.json(request));
    assertEquals(ProjectResponse.ColorEnum.DARK_GREEN, created.getColor());
  }

  // --- workspaces ---------------------------------------------------------------------------------

  @Test
  void workspacesListAndRecordWithUriList() {
    asana.respond("""
        {"data": [{"gid": "1000", "resource_type": "workspace", "name": "My Company Workspace"}],
         "next_page": null}
        """);
    GetWorkspaces200Response list = execute(asana.api(WorkspacesApi.class), "getWorkspaces",
        args("limit", 50, "opt_fields", List.of("name", "is_organization")));
    HttpUrl url = asana.request().getUrl();
    assertEquals("/api/1.0/workspaces", url.encodedPath());
    assertEquals("50", url.queryParameter("limit"));
    assertEquals("name,is_organization", url.queryParameter("opt_fields"));
    assertEquals("My Company Workspace", list.getData().get(0).getName());
    assertNull(list.getNextPage());

    asana.respond("""
        {"data": {"gid": "1000", "resource_type": "workspace", "name": "My Company Workspace",
                  "email_domains": ["asana.com", "https://example.com/x"], "is_organization": false}}
        """);
    WorkspaceResponse workspace = this.<GetWorkspace200Response>call(WorkspacesApi.class, "getWorkspace",
        args("workspace_gid", "1000")).getData();
    assertRequest(asana.request(), "GET", "/api/1.0/workspaces/1000");
    assertEquals(List.of(URI.create("asana.com"), URI.create("https://example.com/x")),
        workspace.getEmailDomains());
    assertEquals(Boolean.FALSE, workspace.getIsOrganization());
  }

  // --- users --------------------------------------------------------------------------------------

  @Test
  void getUserMeReadsTheSpecsExampleWithPhotoUris() {
    Map<String, Object> example = spec.exampleResponse("getUser");
    asana.respondWith(example);
    UserResponse user = this.<GetUser200Response>call(UsersApi.class, "getUser",
        args("user_gid", "me", "opt_fields", List.of("email", "photo"))).getData();
    RecordedRequest request = asana.request();
    assertRequest(request, "GET", "/api/1.0/users/me");
    assertEquals("email,photo", request.getUrl().queryParameter("opt_fields"));
    Map<String, Object> expected = data(example);
    assertEquals(expected.get("email"), user.getEmail());
    assertEquals(expected.get("name"), user.getName());
    @SuppressWarnings("unchecked")
    Map<String, Object> photo = (Map<String, Object>) expected.get("photo");
    if (photo != null && photo.get("image_128x128") != null) {
      assertEquals(URI.create((String) photo.get("image_128x128")), user.getPhoto().getImage128x128());
    }
  }

  // --- teams --------------------------------------------------------------------------------------

  @Test
  void getTeamReadsTheSpecsExampleAndUnknownVisibility() {
    Map<String, Object> example = spec.exampleResponse("getTeam");
    asana.respondWith(example);
    TeamResponse team = this.<GetTeam200Response>call(TeamsApi.class, "getTeam",
        args("team_gid", "1500")).getData();
    assertRequest(asana.request(), "GET", "/api/1.0/teams/1500");
    assertEquals(data(example).get("name"), team.getName());
    assertEquals(data(example).get("visibility"), MockAsana.asJson(team.getVisibility(),
        TeamResponse.VisibilityEnum.class));

    asana.respond("{\"data\": {\"gid\": \"1500\", \"visibility\": \"galaxy_wide\"}}");
    team = this.<GetTeam200Response>call(TeamsApi.class, "getTeam", args("team_gid", "1500")).getData();
    asana.request();
    assertEquals(TeamResponse.VisibilityEnum.UNRECOGNIZED, team.getVisibility());
  }

  // --- tags ---------------------------------------------------------------------------------------

  @Test
  void createTagForWorkspacePostsDataWithHyphenatedEnum() {
    asana.respond(201, "{\"data\": {\"gid\": \"1600\", \"name\": \"Stuff to buy\", \"color\": \"dark-warm-gray\"}}");
    execute(asana.api(TagsApi.class), "createTagForWorkspace", args("workspace_gid", "1000",
        "body", CreateTagForWorkspaceRequest.builder().data(TagCreateTagForWorkspaceRequest.builder()
            .name("Stuff to buy").color(TagCreateTagForWorkspaceRequest.ColorEnum.DARK_WARM_GRAY)
            .followers(List.of("me")).build()).build()));
    RecordedRequest request = asana.request();
    assertRequest(request, "POST", "/api/1.0/workspaces/1000/tags");
    assertEquals(Map.of("data", Map.of("name", "Stuff to buy", "color", "dark-warm-gray",
        "followers", List.of("me"))), MockAsana.json(request));
  }

  // --- sections -----------------------------------------------------------------------------------

  @Test
  void sectionsCreateInsertAndList() {
    asana.respond(201, "{\"data\": {\"gid\": \"1700\", \"name\": \"Next Actions\"}}");
    execute(asana.api(SectionsApi.class), "createSectionForProject", args("project_gid", "1331",
        "body", CreateSectionForProjectRequest.builder().data(SectionRequest.builder().name("Next Actions")
            .insertBefore("1701").build()).build()));
    RecordedRequest create = asana.request();
    assertRequest(create, "POST", "/api/1.0/projects/1331/sections");
    assertEquals(Map.of("data", Map.of("name", "Next Actions", "insert_before", "1701")), MockAsana.json(create));

    asana.respond("{\"data\": {}}");
    execute(asana.api(SectionsApi.class), "insertSectionForProject", args("project_gid", "1331",
        "body", InsertSectionForProjectRequest.builder().data(ProjectSectionInsertRequest.builder().section("1700")
            .afterSection("1699").build()).build()));
    RecordedRequest insert = asana.request();
    assertRequest(insert, "POST", "/api/1.0/projects/1331/sections/insert");
    assertEquals(Map.of("data", Map.of("section", "1700", "after_section", "1699")), MockAsana.json(insert));

    asana.respondWith(spec.exampleResponse("getSectionsForProject"));
    GetSectionsForProject200Response sections = execute(asana.api(SectionsApi.class), "getSectionsForProject",
        args("project_gid", "1331", "limit", 10));
    assertEquals("10", asana.request().getUrl().queryParameter("limit"));
    assertEquals(1, sections.getData().size());
  }

  // --- stories ------------------------------------------------------------------------------------

  @Test
  void storiesCommentAndList() {
    asana.respond(201, "{\"data\": {\"gid\": \"1800\", \"resource_subtype\": \"comment_added\", \"text\": \"Nice\"}}");
    execute(asana.api(StoriesApi.class), "createStoryForTask", args("task_gid", "1204",
        "body", CreateStoryForTaskRequest.builder().data(StoryBase.builder().text("Nice").isPinned(true).build()).build()));
    RecordedRequest request = asana.request();
    assertRequest(request, "POST", "/api/1.0/tasks/1204/stories");
    assertEquals(Map.of("data", Map.of("text", "Nice", "is_pinned", true)), MockAsana.json(request));

    Map<String, Object> example = spec.exampleResponse("getStoriesForTask");
    asana.respondWith(example);
    GetStoriesForTask200Response stories = execute(asana.api(StoriesApi.class), "getStoriesForTask",
        args("task_gid", "1204", "limit", 20, "offset", "abc"));
    HttpUrl url = asana.request().getUrl();
    assertEquals("/api/1.0/tasks/1204/stories", url.encodedPath());
    assertEquals("20", url.queryParameter("limit"));
    assertEquals("abc", url.queryParameter("offset"));
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) example.get("data")).get(0);
    assertEquals(first.get("text"), stories.getData().get(0).getText());
    assertEquals(OffsetDateTime.parse((String) first.get("created_at")), stories.getData().get(0).getCreatedAt());
  }

  // --- webhooks -----------------------------------------------------------------------------------

  @Test
  void webhooksCreateWithFiltersAndListByWorkspace() {
    asana.respond(201, """
        {"data": {"gid": "1900", "resource_type": "webhook", "active": true,
                  "target": "https://example.com/receive?key=a%20b", "created_at": "2026-02-05T10:00:00Z",
                  "resource": {"gid": "1331", "resource_type": "project", "name": "Stuff to buy"}},
         "X-Hook-Secret": "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81"}
        """);
    WebhookResponse created = MockAsana.<dev.asanaconnector.generated.model.CreateWebhook201Response>execute(
        asana.api(WebhooksApi.class), "createWebhook", args("body", CreateWebhookRequest.builder().data(
            WebhookRequest.builder().resource("1331").target(URI.create("https://example.com/receive?key=a%20b"))
                .filters(List.of(WebhookRequestFiltersInner.builder().resourceType("task").action("changed")
                    .fields(List.of("due_at", "due_on")).build())).build()).build())).getData();
    RecordedRequest request = asana.request();
    assertRequest(request, "POST", "/api/1.0/webhooks");
    assertEquals(Map.of("data", Map.of("resource", "1331", "target", "https://example.com/receive?key=a%20b",
            "filters", List.of(Map.of("resource_type", "task", "action", "changed",
                "fields", List.of("due_at", "due_on"))))),
        MockAsana.json(request));
    assertEquals(URI.create("https://example.com/receive?key=a%20b"), created.getTarget());
    assertEquals(Boolean.TRUE, created.getActive());
    assertEquals("Stuff to buy", created.getResource().getName());

    asana.respondWith(spec.exampleResponse("getWebhooks"));
    GetWebhooks200Response webhooks = execute(asana.api(WebhooksApi.class), "getWebhooks",
        args("workspace", "1000", "resource", "1331", "limit", 5));
    HttpUrl url = asana.request().getUrl();
    assertEquals("/api/1.0/webhooks", url.encodedPath());
    assertEquals("1000", url.queryParameter("workspace"));
    assertEquals("1331", url.queryParameter("resource"));
    assertEquals(1, webhooks.getData().size());
  }

  // --- custom fields and their settings -----------------------------------------------------------

  @Test
  void customFieldNumberValueIsAnExactDecimal() {
    Map<String, Object> example = spec.exampleResponse("getCustomField");
    asana.respondWith(example);
    CustomFieldResponse field = this.<GetCustomField200Response>call(CustomFieldsApi.class, "getCustomField",
        args("custom_field_gid", "2000")).getData();
    assertRequest(asana.request(), "GET", "/api/1.0/custom_fields/2000");
    assertEquals(data(example).get("name"), field.getName());

    asana.respond("""
        {"data": {"gid": "2000", "type": "number", "precision": 4, "number_value": 0.1000,
                  "enum_options": [{"gid": "1", "name": "Low", "enabled": true, "color": "blue"}]}}
        """);
    field = this.<GetCustomField200Response>call(CustomFieldsApi.class, "getCustomField",
        args("custom_field_gid", "2000")).getData();
    asana.request();
    assertEquals(new BigDecimal("0.1000"), field.getNumberValue());
    assertEquals(4, field.getPrecision());
    assertEquals(CustomFieldResponse.TypeEnum.NUMBER, field.getType());
    assertEquals("Low", field.getEnumOptions().get(0).getName());
  }

  @Test
  void addCustomFieldSettingSendsTheCustomFieldAsAGidString() {
    asana.respond("{\"data\": {\"gid\": \"2100\", \"is_important\": true}}");
    execute(asana.api(ProjectsApi.class), "addCustomFieldSettingForProject", args(
        "project_gid", "1331", "body", AddCustomFieldSettingForProjectRequest.builder().data(
            AddCustomFieldSettingRequest.builder().customField(AddCustomFieldSettingRequestCustomField.ofString("2000"))
                .isImportant(true).insertAfter("1999").build()).build()));
    RecordedRequest request = asana.request();
    assertRequest(request, "POST", "/api/1.0/projects/1331/addCustomFieldSetting");
    assertEquals(Map.of("data", Map.of("custom_field", "2000", "is_important", true, "insert_after", "1999")),
        MockAsana.json(request));

    Map<String, Object> example = spec.exampleResponse("getCustomFieldSettingsForProject");
    asana.respondWith(example);
    GetCustomFieldSettingsForProject200Response settings = execute(asana.api(CustomFieldSettingsApi.class),
        "getCustomFieldSettingsForProject", args("project_gid", "1331", "limit", 2));
    HttpUrl url = asana.request().getUrl();
    assertEquals("/api/1.0/projects/1331/custom_field_settings", url.encodedPath());
    assertEquals("2", url.queryParameter("limit"));
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) example.get("data")).get(0);
    assertEquals(first.get("is_important"), settings.getData().get(0).getIsImportant());
  }

  // --- goals, portfolios, time tracking, events ---------------------------------------------------

  @Test
  void getGoalReadsTheSpecsExample() {
    Map<String, Object> example = spec.exampleResponse("getGoal");
    asana.respondWith(example);
    GetGoal200Response goal = execute(asana.api(GoalsApi.class), "getGoal", args("goal_gid", "2200"));
    assertRequest(asana.request(), "GET", "/api/1.0/goals/2200");
    assertEquals(data(example).get("name"), goal.getData().getName());
    assertEquals(data(example).get("notes"), goal.getData().getNotes());
  }

  @Test
  void getPortfolioReadsTheSpecsExample() {
    Map<String, Object> example = spec.exampleResponse("getPortfolio");
    asana.respondWith(example);
    GetPortfolio200Response portfolio = execute(asana.api(PortfoliosApi.class), "getPortfolio",
        args("portfolio_gid", "2300", "opt_fields", List.of("name", "start_on")));
    RecordedRequest request = asana.request();
    assertRequest(request, "GET", "/api/1.0/portfolios/2300");
    assertEquals("name,start_on", request.getUrl().queryParameter("opt_fields"));
    assertEquals(data(example).get("name"), portfolio.getData().getName());
    assertEquals(LocalDate.parse((String) data(example).get("start_on")), portfolio.getData().getStartOn());
  }

  @Test
  void timeTrackingEntriesForTaskHaveDates() {
    asana.respond("""
        {"data": [{"gid": "2400", "resource_type": "time_tracking_entry", "duration_minutes": 12,
                   "entered_on": "2026-02-05", "created_by": {"gid": "1", "name": "Greg Sanchez"}}],
         "next_page": {"offset": "xyz", "path": "/tasks/1204/time_tracking_entries?offset=xyz",
                       "uri": "https://app.asana.com/api/1.0/tasks/1204/time_tracking_entries?offset=xyz"}}
        """);
    GetTimeTrackingEntriesForTask200Response entries = execute(asana.api(TimeTrackingEntriesApi.class),
        "getTimeTrackingEntriesForTask", args("task_gid", "1204", "limit", 1));
    assertEquals("/api/1.0/tasks/1204/time_tracking_entries", asana.request().getUrl().encodedPath());
    assertEquals(12, entries.getData().get(0).getDurationMinutes());
    assertEquals(LocalDate.of(2026, 2, 5), entries.getData().get(0).getEnteredOn());
    assertEquals("xyz", entries.getNextPage().getOffset());
  }

  @Test
  void eventsSendResourceAndSyncAndReadChanges() {
    asana.respond("""
        {"data": [{"user": {"gid": "1", "name": "Greg"}, "resource": {"gid": "1204", "name": "Buy catnip"},
                   "type": "task", "action": "changed", "created_at": "2026-02-05T10:15:30.5Z",
                   "change": {"field": "assignee", "action": "changed", "new_value": {"gid": "2"}},
                   "parent": null}],
         "sync": "de4774f6915eae04714ca93bb2f5ee81", "has_more": true}
        """);
    GetEvents200Response events = execute(asana.api(EventsApi.class), "getEvents",
        args("resource", "1331", "sync", "abc123"));
    HttpUrl url = asana.request().getUrl();
    assertEquals("/api/1.0/events", url.encodedPath());
    assertEquals("1331", url.queryParameter("resource"));
    assertEquals("abc123", url.queryParameter("sync"));
    EventResponse event = events.getData().get(0);
    assertEquals("changed", event.getAction());
    assertEquals("assignee", event.getChange().getField());
    assertEquals(Map.of("gid", "2"), event.getChange().getNewValue());
    assertEquals(OffsetDateTime.parse("2026-02-05T10:15:30.5Z"), event.getCreatedAt());
    assertNull(event.getParent());
    assertEquals("de4774f6915eae04714ca93bb2f5ee81", events.getSync());
    assertTrue(events.getHasMore());
  }

  // --- bodies whose envelope name collides with a component schema (inlineSchemaNameMappings) ----

  @Test
  void createMembershipSendsTheMembershipFieldsInsideData() {
    asana.respond(201, "{\"data\": {\"gid\": \"1900\", \"resource_type\": \"membership\"}}");
    execute(asana.api(MembershipsApi.class), "createMembership", args("body", CreateMembershipRequestBody.builder()
        .data(CreateMembershipRequest.builder().parent("1400").member("1200").accessLevel("editor").build()).build()));
    RecordedRequest request = asana.request();
    assertRequest(request, "POST", "/api/1.0/memberships");
    assertEquals(Map.of("data", Map.of("parent", "1400", "member", "1200", "access_level", "editor")),
        MockAsana.json(request));
  }

  @Test
  void addFollowersToAGoalAndToAProjectSendTheFollowers() {
    asana.respond("{\"data\": {\"gid\": \"1500\"}}");
    execute(asana.api(GoalsApi.class), "addFollowers", args("goal_gid", "1500",
        "body", AddFollowersRequestBody.builder().data(TaskAddFollowersRequest.builder().followers(List.of("1200", "me")).build()).build()));
    RecordedRequest goal = asana.request();
    assertRequest(goal, "POST", "/api/1.0/goals/1500/addFollowers");
    assertEquals(Map.of("data", Map.of("followers", List.of("1200", "me"))), MockAsana.json(goal));

    asana.respond("{\"data\": {\"gid\": \"1400\"}}");
    execute(asana.api(ProjectsApi.class), "addFollowersForProject", args("project_gid", "1400",
        "body", AddFollowersForProjectRequest.builder().data(AddFollowersRequest.builder().followers("1201").build()).build()));
    RecordedRequest project = asana.request();
    assertRequest(project, "POST", "/api/1.0/projects/1400/addFollowers");
    assertEquals(Map.of("data", Map.of("followers", "1201")), MockAsana.json(project));
  }

  @Test
  void createTimeTrackingEntrySendsDurationAndDate() {
    asana.respond(201, "{\"data\": {\"gid\": \"2000\"}}");
    execute(asana.api(TimeTrackingEntriesApi.class), "createTimeTrackingEntry", args("task_gid", "1204",
        "body", CreateTimeTrackingEntryRequestBody.builder().data(CreateTimeTrackingEntryRequest.builder()
            .durationMinutes(90).enteredOn(LocalDate.of(2026, 12, 1)).build()).build()));
    RecordedRequest request = asana.request();
    assertRequest(request, "POST", "/api/1.0/tasks/1204/time_tracking_entries");
    assertEquals(Map.of("data", Map.of("duration_minutes", 90.0, "entered_on", "2026-12-01")),
        MockAsana.json(request));
  }

  private <T> T call(Class<?> api, String operationId, Map<String, Object> args) {
    return MockAsana.execute(asana.api(api), operationId, args);
  }
}
