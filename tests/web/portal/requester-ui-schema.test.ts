import type { FormDefinition } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { requesterUiSchema } from "../../../packages/web/src/portal/requester-ui-schema.ts";

describe("requester uiSchema", () => {
  it("turns lookup fields into directory pickers (services too) unless the uiSchema already names a widget", () => {
    // given a form with lookups, one of them already drawn as a picker
    const form: FormDefinition = {
      schemaVersion: 1,
      kind: "form",
      id: "incident-report",
      title: "Report an incident",
      schema: { type: "object" },
      uiSchema: { caller: { "ui:help": "You" }, team: { "ui:widget": "groupPicker" } },
      lookups: {
        caller: { source: "users" },
        team: { source: "groups" },
        configurationItem: { source: "configurationItems" },
        affectedService: { source: "services" },
      },
    };

    // when
    const uiSchema = requesterUiSchema(form);

    // then
    expect(uiSchema).toEqual({
      caller: { "ui:help": "You", "ui:widget": "userLookup" },
      team: { "ui:widget": "groupPicker" },
      configurationItem: { "ui:widget": "configurationItemLookup" },
      affectedService: { "ui:widget": "serviceLookup" },
    });
  });
});
