import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { type Flowdesk, signInAs, startFlowdesk } from "./support/real-server.ts";

/*
 * The service portal against the real server and the ITIL starter pack: a requester
 * browses and searches the catalog, fills "Request a new laptop" (errors as they type,
 * the server's problems next to their fields), follows the request live while the
 * manager decides, finds it in My requests and withdraws another one.
 */

const LAPTOP = 1366;
const PHONE = 390;

let flowdesk: Flowdesk;
let browser: Browser;

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  await flowdesk.createPeople([
    { username: "rita", displayName: "Rita Requester", roles: ["requester"] },
    { username: "mona", displayName: "Mona Manager", roles: ["requester"] },
    { username: "ron", displayName: "Ron Requester", roles: ["requester"] },
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await flowdesk?.close();
});

const expectAccessible = async (page: Page) => {
  expect(await seriousViolations(page)).toEqual([]);
};

const submitLaptopAsRita = async (justification: string): Promise<string> => {
  const rita = await flowdesk.apiAs("rita");
  const created = await rita<{ id: string }>("POST", "/api/requests", {
    catalogItemId: "request-a-laptop",
    data: { model: "standard-14", manager: "mona", justification, deliveryAddress: "Desk 4.12" },
  });
  expect(created.status).toBe(201);
  return created.body.id;
};

/** A form field by its title (rjsf adds a "*" to required ones). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}\\*?$`));

/** The rjsf field group of the input labelled `label`: where its errors show. */
const fieldGroup = (page: Page, label: string) =>
  page
    .locator(".form-group")
    .filter({ has: field(page, label) })
    .last();

describe("service portal", () => {
  it("finds a laptop in the catalog, checks the form while typing, submits and follows the request live", async () => {
    // given rita on the catalog home
    const { context, page } = await signInAs(browser, flowdesk, "rita", { width: LAPTOP, height: 800 });
    await page.getByRole("heading", { name: "Service catalog" }).waitFor();
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).allInnerTexts())
      .toEqual(expect.arrayContaining(["IT support", "Hardware and software", "Accounts and access"]));
    await expect.poll(() => page.getByRole("link", { name: /Report an incident/ }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "portal-catalog-laptop");

    // when she searches, then only matching services stay, and Enter opens the first
    const search = page.getByLabel("Search the catalog");
    await search.fill("notebook");
    await expect.poll(() => page.getByRole("link", { name: /Report an incident/ }).count()).toBe(0);
    await expect.poll(() => page.getByRole("link", { name: /Request a new laptop/ }).count()).toBe(1);
    await page.getByRole("status").filter({ hasText: "1 service matches" }).waitFor();
    await search.fill("zzz nothing");
    await page.getByText("No service matches").waitFor();
    await search.fill("laptop");
    await search.press("Enter");
    await page.getByRole("heading", { name: "Request a new laptop" }).waitFor();
    expect(page.url()).toContain("#/catalog/request-a-laptop");

    // when she types a reason and clears it again, then the field says it is required, the others stay quiet
    const why = field(page, "Why you need it");
    await why.fill("x");
    await why.fill("");
    await fieldGroup(page, "Why you need it").getByText("Fill this in; it is required.").waitFor();
    expect(await fieldGroup(page, "Delivery address").getByText("Fill this in").count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, "portal-item-errors-laptop");

    // when she fills the form and submits
    await page.getByLabel("standard-14").check();
    await page.getByRole("combobox", { name: /Your manager/ }).fill("mona");
    await page.getByRole("option", { name: /Mona Manager/ }).click();
    await why.fill("My laptop's screen broke");
    await expect.poll(() => fieldGroup(page, "Why you need it").getByText("Fill this in").count()).toBe(0);
    await field(page, "Delivery address").fill("Desk 4.12, London office");
    await page.getByRole("button", { name: "Submit request" }).click();

    // then she lands on the request: in progress, waiting for mona, with its timeline
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    expect(page.url()).toMatch(/#\/requests\/request-/);
    const requestId = decodeURIComponent(page.url().split("#/requests/")[1] ?? "");
    await page.getByText("In progress", { exact: true }).first().waitFor();
    await page.getByText("Submitted by Rita Requester").waitFor();
    await page.getByText("Manager approval: approval asked from Mona Manager").waitFor();
    await expectAccessible(page);

    // when mona approves with a comment (elsewhere), then the page moves on by itself
    const mona = await flowdesk.apiAs("mona");
    const detail = await (await flowdesk.apiAs("rita"))<{ openTasks: { id: string }[] }>(
      "GET",
      `/api/requests/${requestId}`,
    );
    const approvalId = detail.body.openTasks[0]?.id;
    const approved = await mona("POST", `/api/tasks/${approvalId}/approve`, { comment: "Go ahead, enjoy" });
    expect(approved.status).toBe(200);
    await page.getByText("Manager approval: approved by Mona Manager").waitFor();
    await page.getByText("Go ahead, enjoy").waitFor();
    await page.getByText("Order the laptop: assigned to the procurement team").waitFor();
    await screenshot(page, "portal-request-laptop");

    // and nothing of the staff's tools is offered to her
    for (const name of ["Workflows", "Forms", "Admin"]) {
      expect(await page.getByRole("link", { name, exact: true }).count()).toBe(0);
    }
    for (const name of [/Approve/, /Claim/, /Reassign/]) {
      expect(await page.getByRole("button", { name }).count()).toBe(0);
    }
    await context.close();
  });

  it("shows the server's problem next to the field it names", async () => {
    // given rita on the laptop form, filled as the browser accepts it
    const { context, page } = await signInAs(browser, flowdesk, "rita", { width: LAPTOP, height: 800 });
    await page.goto(`${flowdesk.url}/#/catalog/request-a-laptop`);
    await page.getByLabel("performance-16").check();
    await page.getByRole("combobox", { name: /Your manager/ }).fill("mona");
    await page.getByRole("option", { name: /Mona Manager/ }).click();
    await field(page, "Why you need it").fill("Engineering builds");
    await field(page, "Delivery address").fill("PO Box 12, Atlantis");
    // The starter pack's rules are the browser's too, so the refusal of this one submission is staged.
    await page.route(
      "**/api/requests",
      (route) =>
        route.fulfill({
          status: 422,
          contentType: "application/problem+json",
          body: JSON.stringify({
            type: "https://flowdesk.dev/problems/FD6221",
            title: "Unprocessable content",
            status: 422,
            detail: "Some fields need attention.",
            code: "FD6221",
            problems: [
              {
                code: "FD1009",
                severity: "error",
                pointer: "/data/deliveryAddress",
                message: "We cannot deliver to a PO box.",
              },
            ],
          }),
        }),
      { times: 1 },
    );

    // when she submits
    await page.getByRole("button", { name: "Submit request" }).click();

    // then the server's sentence sits under the delivery address, and goes away when she corrects it
    await fieldGroup(page, "Delivery address").getByText("We cannot deliver to a PO box.").waitFor();
    await page.getByRole("alert").filter({ hasText: "Some fields need attention" }).waitFor();
    expect(page.url()).toContain("#/catalog/request-a-laptop");
    await field(page, "Delivery address").fill("Desk 2.01, Leeds office");
    await expect.poll(() => page.getByText("We cannot deliver to a PO box.").count()).toBe(0);
    await page.getByRole("button", { name: "Submit request" }).click();
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    await context.close();
  });

  it("lists her requests with status filters and lets her cancel one that still runs", async () => {
    // given two running requests of rita's
    const keep = await submitLaptopAsRita("Keep this one");
    const withdraw = await submitLaptopAsRita("Withdraw this one");
    const { context, page } = await signInAs(browser, flowdesk, "rita", { width: LAPTOP, height: 800 });

    // when she opens My requests, then both are in progress
    await page.getByRole("link", { name: "My requests" }).first().click();
    await page.getByRole("heading", { name: "My requests" }).waitFor();
    await expect.poll(() => page.locator(`a[href="#/requests/${keep}"]`).count()).toBe(1);
    await expect.poll(() => page.locator(`a[href="#/requests/${withdraw}"]`).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "portal-requests-laptop");

    // when she filters on cancelled, then none shows yet
    await page.getByRole("radio", { name: "Cancelled" }).check();
    await page.getByText("None of your requests has this status.").waitFor();

    // when she cancels one from its page, after confirming
    await page.goto(`${flowdesk.url}/#/requests/${withdraw}`);
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    await expect
      .poll(() => page.locator(".live-status").getAttribute("class"))
      .toContain("live-status--live");
    await page.getByRole("button", { name: "Cancel request" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel this request?" });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByLabel("Reason (optional)").fill("Found a spare one");
    await dialog.getByRole("button", { name: "Cancel request" }).click();

    // then the request is cancelled, with her reason, and may not be cancelled again
    await page.getByText("Cancelled by Rita Requester").waitFor();
    await page.getByText("Found a spare one").waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Cancel request" }).count()).toBe(0);
    await screenshot(page, "portal-request-cancelled-laptop");

    // and My requests files it under cancelled, the other under in progress
    await page.goto(`${flowdesk.url}/#/requests`);
    await page.getByRole("radio", { name: "Cancelled" }).check();
    await expect.poll(() => page.locator(`a[href="#/requests/${withdraw}"]`).count()).toBe(1);
    expect(await page.locator(`a[href="#/requests/${keep}"]`).count()).toBe(0);
    await page.getByRole("radio", { name: "In progress" }).check();
    await expect.poll(() => page.locator(`a[href="#/requests/${keep}"]`).count()).toBe(1);
    expect(await page.locator(`a[href="#/requests/${withdraw}"]`).count()).toBe(0);
    await context.close();
  });

  it("moves My requests live when a request ends elsewhere", async () => {
    // given rita watching her in-progress requests
    const requestId = await submitLaptopAsRita("Will be rejected");
    const { context, page } = await signInAs(browser, flowdesk, "rita", { width: LAPTOP, height: 800 });
    await page.goto(`${flowdesk.url}/#/requests`);
    await page.getByRole("radio", { name: "In progress" }).check();
    await expect.poll(() => page.locator(`a[href="#/requests/${requestId}"]`).count()).toBe(1);

    // when mona rejects it
    const rita = await flowdesk.apiAs("rita");
    const detail = await rita<{ openTasks: { id: string }[] }>("GET", `/api/requests/${requestId}`);
    const mona = await flowdesk.apiAs("mona");
    const rejected = await mona("POST", `/api/tasks/${detail.body.openTasks[0]?.id}/reject`, {
      comment: "Your laptop is only a year old",
    });
    expect(rejected.status).toBe(200);

    // then it leaves the in-progress list without a reload
    await expect
      .poll(() => page.locator(`a[href="#/requests/${requestId}"]`).count(), { timeout: 10_000 })
      .toBe(0);
    await context.close();
  });

  it("offers a newly published item and shows a conditional field only while its condition holds", async () => {
    // given rita on the catalog home, and a monitor form whose "Which size" field shows for "other" only
    const { context, page } = await signInAs(browser, flowdesk, "rita", { width: LAPTOP, height: 800 });
    await page.getByRole("link", { name: /Request a new laptop/ }).waitFor();
    const form = {
      schemaVersion: 1,
      kind: "form",
      id: "monitor-request",
      title: "Request a monitor",
      schema: {
        type: "object",
        properties: { size: { type: "string", title: "Size", enum: ["24", "27", "other"] } },
        required: ["size"],
        allOf: [
          {
            if: { properties: { size: { const: "other" } }, required: ["size"] },
            // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here.
            then: {
              properties: { otherSize: { type: "string", title: "Which size", minLength: 1 } },
              required: ["otherSize"],
            },
          },
        ],
      },
      uiSchema: { "ui:order": ["size", "otherSize"] },
    };
    const item = {
      schemaVersion: 1,
      kind: "catalogItem",
      id: "request-a-monitor",
      title: "Request a monitor",
      description: "A second screen for your desk.",
      category: "hardware-and-software",
      form: "monitor-request",
      workflow: "new-laptop",
    };

    // when a process owner publishes the form and the item
    for (const [segment, definition] of [
      ["forms", form],
      ["catalog-items", item],
    ] as const) {
      expect(
        (await flowdesk.adminApi("PUT", `/api/${segment}/${definition.id}/draft`, definition)).status,
      ).toBe(200);
      expect((await flowdesk.adminApi("POST", `/api/${segment}/${definition.id}/publish`)).status).toBe(201);
    }

    // then the item appears in her catalog (live, or at the latest when she opens the catalog again)
    await page.goto(`${flowdesk.url}/#/catalog/request-a-monitor`);
    await page.getByRole("heading", { name: "Request a monitor" }).waitFor();

    // when she picks a listed size, then "Which size" stays hidden; when she picks other, it shows and is required
    await page.getByLabel(/^Size/).selectOption("27");
    expect(await field(page, "Which size").count()).toBe(0);
    await page.getByLabel(/^Size/).selectOption("other");
    await field(page, "Which size").waitFor();
    await page.getByRole("button", { name: "Submit request" }).click();
    await fieldGroup(page, "Which size").getByText("Fill this in; it is required.").waitFor();
    await field(page, "Which size").fill("34 inch ultrawide");
    await page.getByRole("button", { name: "Submit request" }).click();
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    await context.close();
  });

  it("refuses, over the API, a requester cancelling someone else's request", async () => {
    // given rita's running request
    const requestId = await submitLaptopAsRita("Not ron's to cancel");

    // when ron tries to cancel it
    const ron = await flowdesk.apiAs("ron");
    const refused = await ron("POST", `/api/requests/${requestId}/cancel`, {});

    // then it does not exist for him, and it still runs
    expect(refused.status).toBe(404);
    const rita = await flowdesk.apiAs("rita");
    const still = await rita<{ status: string }>("GET", `/api/requests/${requestId}`);
    expect(still.body.status).toBe("running");
  });

  it("fits a phone: catalog cards, the form, the request and My requests in one column", async () => {
    // given rita on a phone with one request
    const requestId = await submitLaptopAsRita("Phone check");
    const { context, page } = await signInAs(browser, flowdesk, "rita", { width: PHONE, height: 844 });
    const fitsWidth = async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE);
    };

    // when she visits each portal screen, then nothing overflows sideways
    await page.getByRole("heading", { name: "Service catalog" }).waitFor();
    await page.getByRole("link", { name: /Request a new laptop/ }).waitFor();
    await fitsWidth();
    await screenshot(page, "portal-catalog-phone");

    await page.goto(`${flowdesk.url}/#/catalog/request-a-laptop`);
    await page.getByRole("button", { name: "Submit request" }).click();
    await fieldGroup(page, "Delivery address").getByText("Fill this in; it is required.").waitFor();
    await fitsWidth();
    await screenshot(page, "portal-item-phone");

    await page.goto(`${flowdesk.url}/#/catalog/report-an-incident`);
    await page.getByRole("combobox", { name: /Affected service/ }).waitFor();
    await page.getByRole("combobox", { name: /Who is affected/ }).waitFor();
    await fitsWidth();
    await screenshot(page, "portal-item-incident-phone");

    await page.goto(`${flowdesk.url}/#/requests/${requestId}`);
    await page.getByText("Submitted by Rita Requester").waitFor();
    await fitsWidth();
    await expectAccessible(page);
    await screenshot(page, "portal-request-phone");

    await page.goto(`${flowdesk.url}/#/requests`);
    await page.locator(`a[href="#/requests/${requestId}"]`).waitFor();
    await fitsWidth();
    await expectAccessible(page);
    await screenshot(page, "portal-requests-phone");
    await context.close();
  });
});
