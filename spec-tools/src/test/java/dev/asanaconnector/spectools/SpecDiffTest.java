package dev.asanaconnector.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecDiffTest {
  /** A small spec in Asana's style: envelopes with `data`, $ref parameters, allOf records. */
  static final String PINNED = """
      openapi: 3.0.0
      components:
        parameters:
          limit:
            name: limit
            in: query
            schema: {type: integer}
          task_gid:
            name: task_gid
            in: path
            required: true
            schema: {type: string}
        responses:
          TaskOk:
            description: ok
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    data: {$ref: '#/components/schemas/TaskResponse'}
        schemas:
          TaskCompact:
            type: object
            properties:
              gid: {type: string}
              name: {type: string}
          TaskResponse:
            allOf:
              - $ref: '#/components/schemas/TaskCompact'
              - type: object
                properties:
                  due_on: {type: string, format: date}
                  notes: {type: string}
          TaskRequest:
            type: object
            properties:
              name: {type: string}
              notes: {type: string}
      paths:
        /tasks:
          get:
            operationId: getTasks
            tags: [Tasks]
            parameters:
              - $ref: '#/components/parameters/limit'
              - {name: offset, in: query, schema: {type: string}}
              - {name: project, in: query, schema: {type: string}}
            responses:
              200:
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        data:
                          type: array
                          items: {$ref: '#/components/schemas/TaskCompact'}
          post:
            operationId: createTask
            tags: [Tasks]
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      data: {$ref: '#/components/schemas/TaskRequest'}
            responses:
              '201': {$ref: '#/components/responses/TaskOk'}
        /tasks/{task_gid}:
          parameters:
            - $ref: '#/components/parameters/task_gid'
          get:
            operationId: getTask
            tags: [Tasks]
            responses:
              200: {$ref: '#/components/responses/TaskOk'}
          delete:
            operationId: deleteTask
            tags: [Tasks]
            responses:
              200: {description: ok}
        /attachments:
          post:
            operationId: createAttachment
            tags: [Attachments]
            requestBody:
              content:
                multipart/form-data:
                  schema:
                    type: object
                    properties:
                      parent: {type: string}
                      file: {type: string, format: binary}
            responses:
              200: {description: ok}
      """;

  @Test
  void readsParametersBodyAndResponseFieldsThroughRefsAndAllOf() {
    Map<String, OperationShape> shapes = OperationShape.of(OpenApiDocument.parse(PINNED));
    assertEquals(List.of("getTasks", "createTask", "getTask", "deleteTask", "createAttachment"),
        List.copyOf(shapes.keySet()));
    OperationShape getTasks = shapes.get("getTasks");
    assertEquals("GET /tasks", getTasks.where());
    assertEquals(Map.of("limit", "integer", "offset", "string", "project", "string"), getTasks.params());
    assertEquals(Map.of("gid", "string", "name", "string"), getTasks.responseFields());
    OperationShape getTask = shapes.get("getTask");
    assertEquals(Map.of("task_gid (path)", "string, required"), getTask.params());
    assertEquals(Map.of("gid", "string", "name", "string", "due_on", "string(date)", "notes", "string"),
        getTask.responseFields());
    OperationShape createTask = shapes.get("createTask");
    assertEquals(Map.of("body", "object"), createTask.params());
    assertEquals(Map.of("name", "string", "notes", "string"), createTask.bodyFields());
    assertEquals(Map.of("parent (form)", "string", "file (form)", "string(binary)"),
        shapes.get("createAttachment").params());
    assertEquals(Map.of(), shapes.get("deleteTask").responseFields());
  }

  @Test
  void identicalSpecsHaveNoChanges() {
    SpecDiff diff = SpecDiff.of(OpenApiDocument.parse(PINNED), OpenApiDocument.parse(PINNED));
    assertEquals(List.of(), diff.changes);
    assertEquals("operations: 5 pinned, 5 new, +0 added, -0 removed, ~0 changed", diff.counts());
  }

  @Test
  void reportsAddedRemovedAndChangedOperationsOneLineEach() {
    String next = PINNED
        // getTasks: limit becomes a string, project goes, section comes
        .replace("      - {name: project, in: query, schema: {type: string}}",
            "      - {name: section, in: query, schema: {type: string}}")
        .replace("limit:\n      name: limit\n      in: query\n      schema: {type: integer}",
            "limit:\n      name: limit\n      in: query\n      schema: {type: string}")
        // TaskResponse: notes goes, due_on becomes a date-time, html_notes comes
        .replace("            due_on: {type: string, format: date}\n            notes: {type: string}",
            "            due_on: {type: string, format: date-time}\n            html_notes: {type: string}")
        // createTask's body loses notes
        .replace("TaskRequest:\n      type: object\n      properties:\n        name: {type: string}\n"
            + "        notes: {type: string}", "TaskRequest:\n      type: object\n      properties:\n"
            + "        name: {type: string}")
        // deleteTask goes, duplicateTask comes
        .replace("    delete:\n      operationId: deleteTask", "    post:\n      operationId: duplicateTask");
    SpecDiff diff = SpecDiff.of(OpenApiDocument.parse(PINNED), OpenApiDocument.parse(next));
    assertEquals(List.of(
        "+ duplicateTask  POST /tasks/{task_gid}",
        "- deleteTask  DELETE /tasks/{task_gid}",
        "~ createTask  POST /tasks: body fields -notes; response fields +html_notes -notes"
            + " ~due_on(string(date) -> string(date-time))",
        "~ getTask  GET /tasks/{task_gid}: response fields +html_notes -notes"
            + " ~due_on(string(date) -> string(date-time))",
        "~ getTasks  GET /tasks: params +section -project ~limit(integer -> string)"),
        diff.changes.stream().map(SpecDiff.Change::line).toList());
    assertEquals("operations: 5 pinned, 5 new, +1 added, -1 removed, ~3 changed", diff.counts());
  }

  @Test
  void parameterOrderRequirednessTagsAndMovesAreChanges() {
    String next = PINNED
        .replace("        - {name: offset, in: query, schema: {type: string}}\n"
                + "        - {name: project, in: query, schema: {type: string}}",
            "        - {name: project, in: query, schema: {type: string}}\n"
                + "        - {name: offset, in: query, required: true, schema: {type: string}}")
        .replace("operationId: createAttachment\n      tags: [Attachments]",
            "operationId: createAttachment\n      tags: [Files]")
        .replace("  /attachments:\n", "  /files:\n");
    SpecDiff diff = SpecDiff.of(OpenApiDocument.parse(PINNED), OpenApiDocument.parse(next));
    assertEquals(List.of(
        "~ createAttachment  POST /files: moved POST /attachments -> POST /files; tags [Attachments] -> [Files]",
        "~ getTasks  GET /tasks: params ~offset(string -> string, required)"
            + " ~order(limit,offset,project -> limit,project,offset)"),
        diff.changes.stream().map(SpecDiff.Change::line).toList());
  }

  @Test
  void alternativesMergeTheirPropertiesAndTypes() {
    OpenApiDocument document = OpenApiDocument.parse("""
        components:
          schemas:
            A: {type: object, properties: {gid: {type: string}, parent: {type: string}}}
            B: {type: object, properties: {gid: {type: string}, parent: {type: object, properties: {x: {type: integer}}}}}
            Either:
              anyOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
            Items: {type: array, items: {type: integer, format: int64}}
        """);
    assertEquals(Map.of("gid", "string", "parent", "object|string"),
        document.properties(Map.of("$ref", "#/components/schemas/Either")));
    assertEquals("array<integer(int64)>", document.type(Map.of("$ref", "#/components/schemas/Items")));
    assertEquals("any", document.type(Map.of("$ref", "#/components/schemas/Missing")));
  }
}
