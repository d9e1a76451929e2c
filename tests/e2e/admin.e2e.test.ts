import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { ADMIN_PASSWORD, type Flowdesk, signInAs, startFlowdesk } from "./support/real-server.ts";

// Admin screens against the REAL server: template packs, users, groups, roles, audit log.

interface Pack {
  manifest: { id: string; version: string; title: string };
  contents: {
    workflows: { id: string; title: string }[];
    forms: ({ id: string; title: string } & Record<string, unknown>)[];
  } & Record<string, unknown[]>;
}

const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const NEW_PASSWORD = "a fresh e2e passphrase";
const RESET_PASSWORD = "another e2e passphrase";

let browser: Browser;
let flowdesk: Flowdesk;
let context: BrowserContext;
let page: Page;
const opened: BrowserContext[] = [];

const asFile = (name: string, document: unknown) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(JSON.stringify(document, null, 2)),
});

/** Drops a file on the drop zone as a person dragging it from their desktop would. */
const dropFile = async (target: Page, name: string, text: string) => {
  const transfer = await target.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: "application/json" }));
      return data;
    },
    { name, text },
  );
  await target.getByTestId("pack-drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
};

const exportedPack = async (): Promise<Pack> => {
  const answer = await flowdesk.adminApi<Pack>("GET", "/api/packs/export");
  expect(answer.status).toBe(200);
  return answer.body;
};

const expectNoSeriousViolations = async (target: Page) => {
  expect(await seriousViolations(target)).toEqual([]);
};

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  browser = await launchChromium();
  ({ context, page } = await signInAs(browser, flowdesk, "admin", { ...LAPTOP, password: ADMIN_PASSWORD }));
});

afterEach(async (test) => {
  if (test.task.result?.state === "fail")
    await screenshot(page, `failure-admin-${test.task.name.replace(/\W+/g, "-")}`);
});

afterAll(async () => {
  for (const other of opened) await other.close();
  await context?.close();
  await browser?.close();
  await flowdesk?.close();
});

describe("admin imports a template pack", () => {
  it("previews a changed workflow and a new form, imports them, and the definition lists show them", async () => {
    // given the installed pack with one workflow retitled and one new form
    const pack = await exportedPack();
    const workflow = pack.contents.workflows[0];
    const form = pack.contents.forms[0];
    if (!workflow || !form) throw new Error("the starter pack has no workflow or form");
    const total = Object.values(pack.contents).reduce((sum, list) => sum + list.length, 0);
    workflow.title = "Incident handling (revised by e2e)";
    pack.contents.forms.push({ ...form, id: "e2e-laptop-return", title: "Laptop return (e2e)" });
    await page.goto(`${flowdesk.url}/#/admin/packs`);
    await page.getByRole("heading", { name: "Template packs" }).waitFor();
    await screenshot(page, "admin-packs-empty");
    await expectNoSeriousViolations(page);

    // when the file is picked
    await page.getByLabel("Choose a pack file").setInputFiles(asFile("revised.pack.json", pack));

    // then the preview counts one change, one addition and leaves the rest alone
    await expect
      .poll(() => page.getByTestId("pack-summary").textContent())
      .toBe(`1 added, 1 changed, ${total - 1} unchanged`);
    await expect.poll(() => page.locator(".admin-entries--changed").textContent()).toContain(workflow.title);
    await expect
      .poll(() => page.locator(".admin-entries--added").textContent())
      .toContain("Laptop return (e2e)");
    await screenshot(page, "admin-packs-preview");
    await expectNoSeriousViolations(page);

    // when the changes are imported
    await page.getByRole("button", { name: "Import 2 changes" }).click();

    // then the result names the new versions, and the designers' lists show them
    await page.getByRole("heading", { name: /new versions published/ }).waitFor();
    await screenshot(page, "admin-packs-imported");
    await page.goto(`${flowdesk.url}/#/workflows`);
    await page.getByRole("link", { name: workflow.title }).waitFor();
    await page.goto(`${flowdesk.url}/#/forms`);
    await page.getByRole("link", { name: "Laptop return (e2e)" }).waitFor();
  });

  it("shows every problem of a broken pack dropped on the page and changes nothing", async () => {
    // given a pack whose first workflow lost its steps
    const pack = await exportedPack();
    const before = JSON.stringify(pack);
    const broken = structuredClone(pack) as unknown as { contents: { workflows: Record<string, unknown>[] } };
    delete broken.contents.workflows[0]?.nodes;
    await page.goto(`${flowdesk.url}/#/admin/packs`);
    await page.getByRole("heading", { name: "Template packs" }).waitFor();

    // when it is dropped on the drop zone
    await dropFile(page, "broken.pack.json", JSON.stringify(broken));

    // then its problems are listed with where they are, and there is nothing to import
    await page.getByRole("heading", { name: "broken.pack.json cannot be imported" }).waitFor();
    expect(await page.locator(".admin-problems tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator(".admin-problems").textContent()).toContain("/contents/workflows/0");
    expect(await page.getByRole("button", { name: /^Import/ }).count()).toBe(0);
    await screenshot(page, "admin-packs-problems");
    await expectNoSeriousViolations(page);
    expect(JSON.stringify(await exportedPack())).toBe(before);

    // when a file that is not JSON is picked
    await page.getByLabel("Choose a pack file").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from("this is not json"),
    });

    // then a plain sentence says so
    await page.getByText("notes.json is not a JSON file.", { exact: false }).waitFor();
  });
});

describe("admin exports the installed definitions", () => {
  it("downloads them as one pack file that the server reads back as unchanged", async () => {
    // given
    await page.goto(`${flowdesk.url}/#/admin/packs`);

    // when
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export pack" }).click(),
    ]);

    // then the file is the installation as a pack: previewing it changes nothing
    expect(download.suggestedFilename()).toMatch(/\.pack\.json$/);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const preview = await flowdesk.adminApi<{ summary: { added: number; changed: number } }>(
      "POST",
      "/api/packs/preview",
      JSON.parse(await readFile(path, "utf8")),
    );
    expect(preview.body.summary).toMatchObject({ added: 0, changed: 0 });
  });
});

describe("admin manages users", () => {
  it("creates an agent in a group who signs in and sees exactly the agent's screens", async () => {
    // given
    await flowdesk.adminApi("POST", "/api/groups", { id: "e2e-field-service", title: "Field service (e2e)" });
    await page.goto(`${flowdesk.url}/#/admin/users`);
    await page.getByRole("button", { name: "New user" }).click();

    // when the form is sent with mistakes, they are named next to the fields
    await page.getByLabel("User name").fill("Bad Name");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.getByText("Use at least 12 characters.").waitFor();
    await page.getByText("Use 2 to 64 lower-case letters", { exact: false }).waitFor();
    await screenshot(page, "admin-users-form-errors");

    // when they are corrected and the roles and groups chosen
    await page.getByLabel("User name").fill("erin.agent");
    await page.getByLabel("Display name").fill("Erin Agent");
    await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("checkbox", { name: "Requester" }).uncheck();
    await page.getByRole("checkbox", { name: "Agent" }).check();
    await page.getByRole("checkbox", { name: "Field service (e2e)" }).check();
    await page.getByRole("button", { name: "Create user" }).click();

    // then the list shows her with her role and group
    await page.getByText("Created erin.agent.").waitFor();
    const row = page.locator('tr[data-username="erin.agent"]');
    expect(await row.textContent()).toContain("Agent");
    expect(await row.textContent()).toContain("Field service (e2e)");
    await screenshot(page, "admin-users");
    await expectNoSeriousViolations(page);

    // and she signs in and her navigation holds exactly the agent's screens
    const erin = await signInAs(browser, flowdesk, "erin.agent", { ...LAPTOP, password: NEW_PASSWORD });
    opened.push(erin.context);
    const links = await erin.page.locator("#main-nav a").allTextContents();
    expect(links).toEqual(["Catalog", "My requests", "Inbox"]);
  });

  it("refuses a taken user name next to the field", async () => {
    // given
    await page.goto(`${flowdesk.url}/#/admin/users`);
    await page.getByRole("button", { name: "New user" }).click();

    // when
    await page.getByLabel("User name").fill("erin.agent");
    await page.getByLabel("Display name").fill("Another Erin");
    await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Create user" }).click();

    // then
    await page.getByText("The user name erin.agent is taken.").waitFor();

    // when Escape is pressed in the form, it closes
    await page.getByLabel("Display name").press("Escape");
    await page.getByRole("heading", { name: "New user" }).waitFor({ state: "detached" });
  });

  it("edits a user's roles and groups and resets her password", async () => {
    // given
    await page.goto(`${flowdesk.url}/#/admin/users`);
    await page.getByRole("button", { name: "Edit erin.agent" }).click();

    // when she also becomes a process owner and joins the service desk
    await page.getByRole("checkbox", { name: "Process owner" }).check();
    await page.getByRole("checkbox", { name: "Service desk" }).check();
    await page.getByRole("button", { name: "Save changes" }).click();

    // then the list shows it
    await page.getByText("Saved erin.agent.").waitFor();
    const row = page.locator('tr[data-username="erin.agent"]');
    expect(await row.textContent()).toContain("Process owner");
    expect(await row.textContent()).toContain("Service desk");

    // when her password is reset, a short one is refused first
    await page.getByRole("button", { name: "Reset password for erin.agent" }).click();
    await page.getByLabel("New password").fill("too short");
    await page.getByRole("button", { name: "Reset password", exact: true }).click();
    await page.getByText("Use at least 12 characters.").waitFor();
    await page.getByLabel("New password").fill(RESET_PASSWORD);
    await page.getByRole("button", { name: "Reset password", exact: true }).click();
    await page.getByText("Set a new password for erin.agent.").waitFor();

    // then she signs in with it and now sees the designers too
    const erin = await signInAs(browser, flowdesk, "erin.agent", { ...LAPTOP, password: RESET_PASSWORD });
    opened.push(erin.context);
    expect(await erin.page.locator("#main-nav a").allTextContents()).toEqual([
      "Catalog",
      "My requests",
      "Inbox",
      "Workflows",
      "Forms",
    ]);
  });

  it("disables a user, who can no longer sign in", async () => {
    // given
    await page.goto(`${flowdesk.url}/#/admin/users`);
    await page.getByLabel("Search users").fill("erin");
    await expect.poll(() => page.locator(".admin-stack-table tbody tr").count()).toBe(1);

    // when
    await page.getByRole("button", { name: "Disable erin.agent" }).click();

    // then
    await page.getByText("Disabled erin.agent", { exact: false }).waitFor();
    expect(await page.locator('tr[data-username="erin.agent"]').textContent()).toContain("Disabled");
    await page.getByRole("button", { name: "Enable erin.agent" }).waitFor();
    const session = await fetch(`${flowdesk.url}/api/session`);
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const signIn = await fetch(`${flowdesk.url}/api/session`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-CSRF-Token": csrf,
        Cookie: (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
      },
      body: JSON.stringify({ username: "erin.agent", password: RESET_PASSWORD }),
    });
    expect(signIn.status).toBeGreaterThanOrEqual(400);
  });
});

describe("admin reads the audit log", () => {
  it("lists the user and group actions, newest first, and filters them", async () => {
    // given
    await page.goto(`${flowdesk.url}/#/admin/audit`);
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.locator(".admin-audit-table tbody tr").first().waitFor();

    // then the steps of the tests above are there, newest first (sign-ins are logged too)
    const actions = await page.locator(".admin-audit-table tbody td:nth-child(3)").allTextContents();
    expect(actions.indexOf("session.refused")).toBeLessThan(actions.indexOf("user.disabled"));
    expect(actions).toEqual(expect.arrayContaining(["user.disabled", "user.created", "group.created"]));
    expect(actions.indexOf("user.disabled")).toBeLessThan(actions.indexOf("user.created"));
    await screenshot(page, "admin-audit");
    await expectNoSeriousViolations(page);

    // when the next, older page is opened
    await page.getByRole("button", { name: "Older" }).click();

    // then it says where it is
    await page.getByText(/^Page 2 of \d+/).waitFor();

    // when filtered to user changes
    await page.getByLabel("Action").fill("user.");
    await page.getByRole("button", { name: "Filter" }).click();

    // then only user changes remain
    await expect
      .poll(async () => [
        ...new Set(await page.locator(".admin-audit-table tbody td:nth-child(3)").allTextContents()),
      ])
      .toEqual(["user.disabled", "user.updated", "user.created"]);

    // when filtered to someone who never acted, the empty state says so
    await page.getByLabel("Who (user name)").fill("nobody-at-all");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByText("No entries match these filters.").waitFor();
  });
});

describe("admin groups and roles", () => {
  it("creates and renames a group", async () => {
    // given
    await page.goto(`${flowdesk.url}/#/admin/groups`);
    await page.getByRole("button", { name: "New group" }).click();

    // when
    await page.getByLabel("Group id").fill("e2e-desk");
    await page.getByLabel("Name", { exact: true }).fill("Desk (e2e)");
    await page.getByRole("button", { name: "Create group" }).click();
    await page.getByText("Created group Desk (e2e).").waitFor();
    await page.getByRole("button", { name: "Edit Desk (e2e)" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Service desk (e2e)");
    await page.getByRole("button", { name: "Save changes" }).click();

    // then
    await page.getByText("Saved group Service desk (e2e).").waitFor();
    await screenshot(page, "admin-groups");
    await expectNoSeriousViolations(page);
  });

  it("describes the four roles", async () => {
    // when
    await page.goto(`${flowdesk.url}/#/admin/roles`);

    // then
    for (const role of ["Admin", "Process owner", "Agent", "Requester"])
      await page.getByRole("heading", { name: new RegExp(`^${role}`) }).waitFor();
    await screenshot(page, "admin-roles");
    await expectNoSeriousViolations(page);
  });
});

describe("admin screens on a phone, and for other roles", () => {
  it("fits every section at 390 px without sideways scrolling", async () => {
    // given
    const phone = await signInAs(browser, flowdesk, "admin", { ...PHONE, password: ADMIN_PASSWORD });
    opened.push(phone.context);
    for (const section of ["packs", "users", "groups", "roles", "audit"]) {
      // when
      await phone.page.goto(`${flowdesk.url}/#/admin/${section}`);
      await phone.page.locator(".admin-section h1").waitFor();
      await phone.page.locator(".state--loading").waitFor({ state: "detached" });

      // then
      const overflow = await phone.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, section).toBeLessThanOrEqual(0);
      await screenshot(phone.page, `admin-phone-${section}`);
      await expectNoSeriousViolations(phone.page);
    }
  });

  it("shows a process owner and an agent that their role does not open user administration", async () => {
    // given
    await flowdesk.createPeople([
      { username: "pat.owner", displayName: "Pat Owner", roles: ["process-owner"] },
      { username: "abe.agent", displayName: "Abe Agent", roles: ["agent"] },
    ]);
    for (const username of ["pat.owner", "abe.agent"]) {
      const person = await signInAs(browser, flowdesk, username, LAPTOP);
      opened.push(person.context);

      // when
      await person.page.goto(`${flowdesk.url}/#/admin/users`);

      // then the screen says so and offers no admin action, and the API refuses too
      await person.page.getByText("Your role does not open this screen").waitFor();
      expect(await person.page.locator("main button").count()).toBe(0);
      expect(await person.page.locator(".admin").count()).toBe(0);
      const status = await person.page.evaluate(async () => (await fetch("/api/users")).status);
      expect(status).toBe(403);
      if (username === "abe.agent") await screenshot(person.page, "admin-forbidden-agent");
    }
  });
});
