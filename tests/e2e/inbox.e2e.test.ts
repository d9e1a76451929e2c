import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { type ApiCaller, type Flowdesk, signInAs, startFlowdesk } from "./support/real-server.ts";

/*
 * The inbox against the real server: requests are submitted over the API as a requester,
 * agents and an approver work them in the browser, and everything on screen follows
 * live events. Two agents on one task: one wins, the other is told so in a sentence.
 */

let flowdesk: Flowdesk;
let browser: Browser;
let rita: ApiCaller;

const PEOPLE = [
  { username: "rita.requester", displayName: "Rita Requester", roles: ["requester"] },
  { username: "mark.manager", displayName: "Mark Manager", roles: ["requester"] },
  { username: "dana.lee", displayName: "Dana Lee", roles: ["agent"], groups: ["service-desk"] },
  { username: "sam.patel", displayName: "Sam Patel", roles: ["agent"], groups: ["service-desk"] },
];

interface OpenTask {
  id: string;
  title: string;
  kind: string;
}

const incident = (shortDescription: string) => ({
  catalogItemId: "report-an-incident",
  data: {
    caller: "Rita Requester",
    affectedService: "E-mail",
    impact: "medium",
    urgency: "medium",
    shortDescription,
    description: "Outlook shows a password prompt in a loop since this morning.",
  },
});

const laptop = {
  catalogItemId: "request-a-laptop",
  data: {
    model: "standard-14",
    manager: "mark.manager",
    justification: "My laptop's screen is cracked.",
    deliveryAddress: "Floor 3, desk 12",
  },
};

/** Submits a request as Rita and waits until its first task is open; answers that task. */
const submit = async (body: object): Promise<{ requestId: string; task: OpenTask }> => {
  const created = await rita<{ id: string }>("POST", "/api/requests", body);
  expect(created.status).toBe(201);
  const requestId = created.body.id;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const detail = await rita<{ openTasks: OpenTask[] }>("GET", `/api/requests/${requestId}`);
    const [task] = detail.body.openTasks;
    if (task !== undefined) return { requestId, task };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`request ${requestId} opened no task`);
};

const rowOf = (page: Page, taskId: string) => page.locator(`a[href="#/inbox/${taskId}"]`);

const openGroupQueue = async (page: Page) => {
  await page.goto(`${flowdesk.url}/#/inbox`);
  await page.getByRole("button", { name: "My groups' queues" }).click();
};

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  await flowdesk.createPeople(PEOPLE);
  rita = await flowdesk.apiAs("rita.requester");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await flowdesk?.close();
});

describe("an agent's queue", () => {
  it("shows the task with its SLA, adds a new one live, then claims, fills and completes it", async () => {
    // given an incident waiting for triage in the service-desk queue
    const first = await submit(incident("Outlook keeps asking for my password"));
    const { context, page } = await signInAs(browser, flowdesk, "dana.lee");

    // when Dana opens her groups' queue
    await openGroupQueue(page);

    // then the triage task is listed with its request and a ticking SLA badge in words
    const row = rowOf(page, first.task.id);
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Triage/);
    // (measured by the incident's response clock, on the SLA policy's business calendar)
    await expect(row.locator(".sla-badge").textContent()).resolves.toMatch(
      /On time · .+ left \(Response target, due .+\)/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "inbox-queue-laptop");

    // when another incident is reported while the page is open
    const second = await submit(incident("The VPN drops every ten minutes"));

    // then it appears without a reload, marked new and announced
    await rowOf(page, second.task.id).waitFor();
    await expect(rowOf(page, second.task.id).textContent()).resolves.toMatch(/New/);
    await expect(page.getByRole("status").filter({ hasText: "New task in the list" }).count()).resolves.toBe(
      1,
    );

    // when she opens the first task, claims it, fills the triage form and accepts it
    await row.click();
    await page.getByRole("heading", { name: "Triage", level: 2 }).waitFor();
    await page.getByRole("button", { name: "Claim" }).click();
    await page.getByRole("button", { name: "Put back in the queue" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "inbox-task-laptop");
    await page.getByLabel("Category").selectOption("network");
    await page.getByLabel("Resolver group").selectOption("network");
    await page.getByLabel("Triage notes").fill("VPN concentrator looks overloaded; passing to network.");
    await page.getByRole("button", { name: "Accept and assign" }).click();

    // then the task is done, and it left her queue without a reload
    await page.getByText("You completed this task: Accept and assign.").waitFor();
    await rowOf(page, first.task.id).waitFor({ state: "detached" });
    await context.close();
  });
});

describe("an approver who is not an agent", () => {
  it("approves with a comment, is not offered reassign or the instance, and the API refuses both", async () => {
    // given a laptop request whose manager is Mark, a plain requester
    const { requestId, task } = await submit(laptop);
    expect(task.kind).toBe("approval");
    const { context, page } = await signInAs(browser, flowdesk, "mark.manager");

    // when Mark opens his inbox and the approval
    await page.goto(`${flowdesk.url}/#/inbox`);
    await rowOf(page, task.id).click();
    await page.getByRole("heading", { name: "Manager approval", level: 2 }).waitFor();

    // then he sees the request's data, and no reassign and no instance link
    await page.getByText("My laptop's screen is cracked.", { exact: true }).waitFor();
    await expect(page.getByText("Reassign…").count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Open the instance" }).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // when he rejects without a comment, then he is asked for one
    await page.getByRole("button", { name: "Reject" }).click();
    await page.getByText("Write a comment to reject").waitFor();
    await screenshot(page, "inbox-approval-laptop");

    // when he approves with a comment
    await page.getByLabel(/Comment/).fill("Approved, the old one goes back to IT.");
    await page.getByRole("button", { name: "Approve" }).click();

    // then the approval is recorded as his
    await page.getByText("You completed this task: approved.").waitFor();

    // and the API refuses what the screen did not offer
    const mark = await flowdesk.apiAs("mark.manager");
    const reassign = await mark("POST", `/api/tasks/${task.id}/reassign`, { user: "dana.lee" });
    const instance = await mark("GET", `/api/instances/${requestId}`);
    expect(reassign.status).toBe(403);
    expect(instance.status).toBe(403);
    await context.close();
  });
});

describe("two agents on the same task", () => {
  it("tells the one who lost, live or after a refused action, who took it", async () => {
    // given a triage task open for Dana, for Sam (live) and for Sam in a tab whose live link is down
    const { task } = await submit(incident("Printer on floor 2 prints blank pages"));
    const dana = await signInAs(browser, flowdesk, "dana.lee");
    const sam = await signInAs(browser, flowdesk, "sam.patel");
    const samOffline = await signInAs(browser, flowdesk, "sam.patel");
    await samOffline.context.routeWebSocket(/socket\.io/, (socket) => socket.close());
    await samOffline.context.route(/socket\.io/, (route) => route.abort());
    for (const { page } of [dana, sam, samOffline]) {
      await page.goto(`${flowdesk.url}/#/inbox/${task.id}`);
      await page.reload();
      await page.getByRole("button", { name: "Claim" }).waitFor();
    }

    // when Dana claims it
    await dana.page.getByRole("button", { name: "Claim" }).click();

    // then Sam's live tab says so at once and offers nothing
    await sam.page
      .getByText(/^Dana Lee claimed this task at .+; it is no longer yours to complete\.$/)
      .waitFor();
    await expect(sam.page.getByRole("button", { name: "Claim" }).count()).resolves.toBe(0);
    await screenshot(sam.page, "inbox-taken-laptop");

    // when Dana completes it and Sam's stale tab still tries to claim it
    await dana.page.getByLabel("Category").selectOption("hardware");
    await dana.page.getByLabel("Resolver group").selectOption("service-desk");
    await dana.page.getByLabel("Triage notes").fill("Toner cartridge empty.");
    await dana.page.getByRole("button", { name: "Accept and assign" }).click();
    await dana.page.getByText("You completed this task").waitFor();
    await samOffline.page.getByRole("button", { name: "Claim" }).click();

    // then the refusal (409) is turned into the same plain sentence
    await samOffline.page
      .getByText(/^Dana Lee completed this task at .+; it is no longer yours to complete\.$/)
      .waitFor();
    await expect(samOffline.page.getByRole("button", { name: "Claim" }).count()).resolves.toBe(0);
    for (const { context } of [dana, sam, samOffline]) await context.close();
  });
});

describe("reassigning", () => {
  it("lets an agent send a queued task to a colleague picked from the directory", async () => {
    // given a waiting incident open in Dana's inbox
    const { task } = await submit(incident("Shared drive S: is read-only"));
    const { context, page } = await signInAs(browser, flowdesk, "dana.lee");
    await page.goto(`${flowdesk.url}/#/inbox/${task.id}`);
    await page.getByRole("button", { name: "Claim" }).waitFor();
    // and a user task never offers delegation, which only approvals know
    await expect(page.getByText("Delegate…").count()).resolves.toBe(0);

    // when she reassigns it to Sam, found by typing his name
    await page.getByText("Reassign…").click();
    await page.getByRole("combobox", { name: "Person" }).fill("Sam");
    await page.getByRole("option", { name: /Sam Patel/ }).click();
    await page.getByRole("button", { name: "Reassign", exact: true }).click();

    // then she is told it is Sam's now, nothing is offered any more, and it is in Sam's own list
    await page.getByText("You sent this task to sam.patel; it has left your hands.").waitFor();
    await expect(page.getByRole("button", { name: "Claim" }).count()).resolves.toBe(0);
    const sam = await flowdesk.apiAs("sam.patel");
    const mine = await sam<{ items: { id: string }[] }>("GET", "/api/tasks?scope=mine");
    expect(mine.body.items.map((item) => item.id)).toContain(task.id);
    await context.close();
  });
});

describe("delegating an approval", () => {
  it("offers Delegate where the approval allows it and hands the decision to a colleague picked by name", async () => {
    // given a laptop request whose manager approval allows delegation, open in Mark's inbox
    const { task } = await submit(laptop);
    const { context, page } = await signInAs(browser, flowdesk, "mark.manager");
    await page.goto(`${flowdesk.url}/#/inbox`);

    // then his row says the approval is in no queue, in words
    await expect(rowOf(page, task.id).textContent()).resolves.toMatch(/Not in a queue/);

    // when he opens it and delegates it to Dana, found by typing her name, with a note
    await rowOf(page, task.id).click();
    await page.getByRole("heading", { name: "Manager approval", level: 2 }).waitFor();
    await page.getByText("Delegate…").click();
    await page.getByRole("combobox", { name: "Delegate to" }).fill("Dana");
    await page.getByRole("option", { name: /Dana Lee/ }).click();
    await page.getByLabel("Note for them (optional)").fill("I am on leave this week.");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "inbox-delegate-laptop");
    await page.getByRole("button", { name: "Delegate", exact: true }).click();

    // then he is told it left his hands, is offered nothing more, and it is Dana's to decide
    await page.getByText("You sent this task to dana.lee; it has left your hands.").waitFor();
    await expect(page.getByRole("button", { name: "Approve" }).count()).resolves.toBe(0);
    const dana = await flowdesk.apiAs("dana.lee");
    const mine = await dana<{ items: { id: string; kind: string }[] }>("GET", "/api/tasks?scope=mine");
    expect(mine.body.items.find((item) => item.id === task.id)?.kind).toBe("approval");
    await context.close();
  });
});

/** Finds the open task of a request at one step, as the given caller sees it in a scope, waiting for it to open. */
const taskAt = async (caller: ApiCaller, scope: string, instanceId: string, nodeId: string) => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const list = await caller<{
      items: { id: string; instanceId: string; nodeId: string; version: number }[];
    }>("GET", `/api/tasks?scope=${scope}`);
    const found = list.body.items.find((item) => item.instanceId === instanceId && item.nodeId === nodeId);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${nodeId} task for ${instanceId}`);
};

describe("a paused SLA clock", () => {
  it("shows Paused, not a countdown, while the incident waits on the caller", async () => {
    // given an incident triaged and sent back to Rita with a question, which pauses its SLA clocks
    const { requestId, task } = await submit(incident("Calendar invites arrive twice"));
    const dana = await flowdesk.apiAs("dana.lee");
    expect((await dana("POST", `/api/tasks/${task.id}/claim`)).status).toBe(200);
    const triaged = await dana("POST", `/api/tasks/${task.id}/complete`, {
      outcome: "accept",
      data: { category: "software", resolverGroup: "service-desk", triageNotes: "Duplicate invites." },
    });
    expect(triaged.status).toBe(200);
    const resolve = await taskAt(dana, "groups", requestId, "resolve");
    expect((await dana("POST", `/api/tasks/${resolve.id}/claim`)).status).toBe(200);
    const asked = await dana("POST", `/api/tasks/${resolve.id}/complete`, {
      outcome: "need-info",
      data: { workNotes: "Which calendar app do you use?" },
    });
    expect(asked.status).toBe(200);
    const reply = await taskAt(rita, "mine", requestId, "customer-reply");

    // when Rita opens her inbox and the reply task
    const { context, page } = await signInAs(browser, flowdesk, "rita.requester");
    await page.goto(`${flowdesk.url}/#/inbox/${reply.id}`);

    // then its row and its facts say the resolution clock is paused, with the time it keeps
    await expect(rowOf(page, reply.id).locator(".sla-badge").textContent()).resolves.toMatch(
      /^Paused · .+ left when it resumes \(Resolution target, paused\)$/,
    );
    await page.getByText("Resolution target, paused", { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "inbox-paused-laptop");
    await context.close();
  });
});

describe("on a phone", () => {
  it("shows the list, then the task in its place with a way back", async () => {
    // given a waiting incident and Sam on a 390 px wide phone
    const { task } = await submit(incident("Teams calls drop on the phone"));
    const { context, page } = await signInAs(browser, flowdesk, "sam.patel", { width: 390, height: 844 });

    // when he opens his groups' queue, then the list fits the screen
    await openGroupQueue(page);
    await rowOf(page, task.id).waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, "inbox-queue-phone");

    // when he opens the task, then it replaces the list and leads back
    await rowOf(page, task.id).click();
    await page.getByRole("heading", { name: "Triage", level: 2 }).waitFor();
    await expect(page.locator(".inbox-list").isVisible()).resolves.toBe(false);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "inbox-task-phone");
    await page.getByRole("link", { name: "← Back to the task list" }).click();
    await rowOf(page, task.id).waitFor();
    await context.close();
  });
});
