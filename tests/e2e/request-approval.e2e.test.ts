import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { type Flowdesk, signInAs, startFlowdesk } from "./support/real-server.ts";

/*
 * Two people, two browser contexts, one real server, no reloads: a requester asks for a
 * laptop, which needs her manager's approval; the manager's open inbox shows the task
 * as it is created, he approves it with a comment, and the requester's open request page
 * moves on by itself.
 */

let flowdesk: Flowdesk;
let browser: Browser;

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  await flowdesk.createPeople([
    { username: "priya.shah", displayName: "Priya Shah", roles: ["requester"] },
    { username: "tom.baker", displayName: "Tom Baker", roles: ["requester"] },
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await flowdesk?.close();
});

describe("a request that needs approval, followed live by both people", () => {
  it("reaches the approver's inbox and the requester's page without a reload", async () => {
    // given Tom (Priya's manager) with his inbox open, and Priya in the catalog, in separate browsers
    const approver = await signInAs(browser, flowdesk, "tom.baker");
    const requester = await signInAs(browser, flowdesk, "priya.shah");
    await approver.page.goto(`${flowdesk.url}/#/inbox`);
    await expect
      .poll(() => approver.page.locator(".live-status").getAttribute("class"))
      .toContain("live-status--live");
    let approverLoads = 0;
    approver.page.on("framenavigated", () => {
      approverLoads += 1;
    });

    // when Priya fills "Request a new laptop" naming Tom as her manager, and submits
    await requester.page.goto(`${flowdesk.url}/#/catalog/request-a-laptop`);
    await requester.page.getByRole("heading", { name: "Request a new laptop" }).waitFor();
    expect(await seriousViolations(requester.page)).toEqual([]);
    await requester.page.getByLabel("standard-14").check();
    await requester.page.getByRole("combobox", { name: /Your manager/ }).fill("tom");
    await requester.page.getByRole("option", { name: /Tom Baker/ }).click();
    await requester.page.getByLabel(/^Why you need it/).fill("The hinge of my laptop broke.");
    await requester.page.getByLabel(/^Delivery address/).fill("Desk 5.03, Bristol office");
    await screenshot(requester.page, "approval-1-requester-form");
    await requester.page.getByRole("button", { name: "Submit request" }).click();

    // then Priya is on her request page, waiting for Tom
    await requester.page.getByRole("heading", { name: "Timeline" }).waitFor();
    await requester.page.getByText("Manager approval: approval asked from Tom Baker").waitFor();
    const requesterUrl = requester.page.url();
    expect(await seriousViolations(requester.page)).toEqual([]);
    await screenshot(requester.page, "approval-2-requester-waiting");

    // and Tom's inbox, untouched, lists the approval (pushed over the live socket)
    const row = approver.page.locator('a[href^="#/inbox/"]').filter({ hasText: "Manager approval" });
    await row.waitFor({ timeout: 15_000 });
    expect(approverLoads).toBe(0);
    expect(await seriousViolations(approver.page)).toEqual([]);
    await screenshot(approver.page, "approval-3-approver-inbox");

    // when Tom opens it and approves with a comment
    await row.click();
    await approver.page.getByRole("heading", { name: "Manager approval", level: 2 }).waitFor();
    await approver.page.getByText("The hinge of my laptop broke.", { exact: true }).waitFor();
    await approver.page.getByLabel(/Comment/).fill("Approved: order the standard model.");
    await screenshot(approver.page, "approval-4-approver-task");
    await approver.page.getByRole("button", { name: "Approve" }).click();
    await approver.page.getByText("You completed this task: approved.").waitFor();

    // then Priya's page, never reloaded, shows the approval with who and the comment, and the next step
    await requester.page.getByText("Manager approval: approved by Tom Baker").waitFor({ timeout: 15_000 });
    await requester.page.getByText("Approved: order the standard model.").waitFor();
    await requester.page.getByText("Order the laptop: assigned to the procurement team").waitFor();
    expect(requester.page.url()).toBe(requesterUrl);
    expect(
      await requester.page.evaluate(
        () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).type,
      ),
    ).not.toBe("reload");
    await screenshot(requester.page, "approval-5-requester-approved");

    // and the approval left Tom's list without a reload
    await approver.page.goto(`${flowdesk.url}/#/inbox`);
    await expect
      .poll(() =>
        approver.page.locator('a[href^="#/inbox/"]').filter({ hasText: "Manager approval" }).count(),
      )
      .toBe(0);
    await approver.context.close();
    await requester.context.close();
  });
});
