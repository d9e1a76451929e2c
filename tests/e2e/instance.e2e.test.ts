import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { type ApiCaller, type Flowdesk, signInAs, startFlowdesk } from "./support/real-server.ts";

/*
 * The instance view and the live workflow view against the real server: incidents are
 * reported over the API (the ITIL starter pack's "Report an incident"), the screens follow
 * them over socket.io, and a service call to a closed port becomes an incident that an
 * admin retries from the instance view once the service answers again.
 */

const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };

const PEOPLE = [
  { username: "rita.requester", displayName: "Rita Requester", roles: ["requester"] },
  { username: "alex.agent", displayName: "Alex Agent", roles: ["agent"], groups: ["service-desk"] },
  { username: "olga.owner", displayName: "Olga Owner", roles: ["process-owner"] },
  { username: "ada.admin", displayName: "Ada Admin", roles: ["admin"] },
];

const INCIDENT = {
  caller: "Rita Requester",
  affectedService: "E-mail",
  impact: "medium",
  urgency: "medium",
  shortDescription: "Outlook cannot reach the mail server",
  description: "Since this morning Outlook says it is disconnected.",
};

let flowdesk: Flowdesk;
let browser: Browser;
let rita: ApiCaller;
let alex: ApiCaller;

interface Detail {
  status: string;
  positions: { nodeId: string }[];
  tasks: { id: string; nodeId: string; state: string }[];
  incidents: { id: string; status: string }[];
}

const reportIncident = async (shortDescription = INCIDENT.shortDescription): Promise<string> => {
  const answer = await rita<{ id: string }>("POST", "/api/requests", {
    catalogItemId: "report-an-incident",
    data: { ...INCIDENT, shortDescription },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
};

const detail = async (instanceId: string): Promise<Detail> =>
  (await flowdesk.adminApi<Detail>("GET", `/api/instances/${instanceId}`)).body;

/** Alex, of the service desk, decides at triage that it is not an incident: the instance ends. */
const triageAsNotAnIncident = async (instanceId: string): Promise<void> => {
  const task = (await detail(instanceId)).tasks.find((candidate) => candidate.nodeId === "triage");
  if (!task) throw new Error(`no triage task on ${instanceId}`);
  const done = await alex("POST", `/api/tasks/${task.id}/complete`, {
    outcome: "cancel",
    data: { category: "other", resolverGroup: "service-desk", triageNotes: "A known planned outage." },
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
};

const countAt = (page: Page, nodeId: string) => page.getByTestId(`count-${nodeId}`);
const classOf = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).getAttribute("class")) ?? "";

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  await flowdesk.createPeople(PEOPLE);
  rita = await flowdesk.apiAs("rita.requester");
  alex = await flowdesk.apiAs("alex.agent");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await flowdesk?.close();
});

describe("the live workflow view", () => {
  let instances: string[] = [];

  beforeAll(async () => {
    instances = [
      await reportIncident(),
      await reportIncident("VPN drops"),
      await reportIncident("Printer jam"),
    ];
  });

  it("counts where running incidents wait and follows new requests and completed tasks without reloading", async () => {
    // given the process owner on the live view of incident management, with three incidents at triage
    const { context, page } = await signInAs(browser, flowdesk, "olga.owner", LAPTOP);
    await page.goto(`${flowdesk.url}/#/live/incident-management`);
    await expect.poll(() => countAt(page, "triage").textContent()).toMatch(/^3/);
    await expect.poll(() => page.getByTestId("live-running-total").textContent()).toContain("3 running");
    expect(await page.getByTestId("standing-list").textContent()).toContain("Triage");
    // and each running instance says what was asked, by whom (in words), and where it waits
    const first = page.getByTestId(`live-instance-${instances[0]}`);
    await expect.poll(() => first.textContent()).toContain(INCIDENT.shortDescription);
    expect(await first.textContent()).toContain("Requested by Rita Requester");
    expect(await first.textContent()).toContain("Waits at Triage");
    expect(await first.textContent()).toContain("SLA on track · P3");
    expect(await first.textContent()).not.toContain("rita.requester");
    // the longest waiting comes first
    const order = await page
      .getByTestId("live-instances")
      .getByRole("button")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")));
    expect(order).toEqual(instances.map((id) => `live-instance-${id}`));

    // when another incident is reported over the API
    await reportIncident("Laptop will not boot");

    // then the badge goes to 4 on the open page
    await expect.poll(() => countAt(page, "triage").textContent()).toMatch(/^4/);

    // when one triage task is completed (not an incident: the instance ends)
    await triageAsNotAnIncident(instances[2] as string);

    // then the badge goes back to 3, and the instance leaves the list
    await expect.poll(() => countAt(page, "triage").textContent()).toMatch(/^3/);
    await expect.poll(() => page.getByTestId("live-instances").getByRole("button").count()).toBe(3);
    await screenshot(page, "live-counts-laptop");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("highlights the path a chosen instance took and where it stands, and links to its view", async () => {
    // given the live view
    const { context, page } = await signInAs(browser, flowdesk, "olga.owner", LAPTOP);
    await page.goto(`${flowdesk.url}/#/live/incident-management`);
    await countAt(page, "triage").waitFor();

    // when one running instance is chosen
    await page
      .getByTestId("live-instances")
      .getByRole("button", { name: new RegExp(instances[0] as string) })
      .click();

    // then the steps it passed are marked, it stands at triage, and its view is one click away
    await expect.poll(() => classOf(page, "picture-node-triage")).toContain("is-current");
    expect(await classOf(page, "picture-node-report")).toContain("is-visited");
    expect(await classOf(page, "picture-node-classify")).toContain("is-visited");
    expect(await classOf(page, "picture-node-resolve")).not.toContain("is-visited");
    expect(await page.locator(".react-flow__edge.is-taken").count()).toBe(2);
    expect(await page.getByTestId("live-chosen-position").textContent()).toContain("Triage");
    expect(await page.getByRole("link", { name: "Open instance view" }).getAttribute("href")).toBe(
      `#/instances/${instances[0]}`,
    );
    await screenshot(page, "live-chosen-laptop");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    // and on a phone the same view fits the width
    const phone = await signInAs(browser, flowdesk, "olga.owner", PHONE);
    await phone.page.goto(`${flowdesk.url}/#/live/incident-management`);
    await countAt(phone.page, "triage").waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(phone.page, "live-counts-phone");
    await phone.context.close();
  });

  it("filters the list to the instances waiting at a step picked by its badge, with mouse or keyboard", async () => {
    // given one incident accepted at triage (it waits at "Investigate and resolve"), the others at triage
    const accepted = instances[1] as string;
    const triage = (await detail(accepted)).tasks.find((task) => task.nodeId === "triage");
    const done = await alex("POST", `/api/tasks/${triage?.id}/complete`, {
      outcome: "accept",
      data: { category: "network", resolverGroup: "service-desk", triageNotes: "VPN concentrator." },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const { context, page } = await signInAs(browser, flowdesk, "olga.owner", LAPTOP);
    await page.goto(`${flowdesk.url}/#/live/incident-management`);
    await countAt(page, "resolve").waitFor();
    const rows = page.getByTestId("live-instances").getByRole("button");
    const listed = () => rows.evaluateAll((buttons) => buttons.map((row) => row.getAttribute("data-testid")));
    await expect.poll(listed).toContain(`live-instance-${accepted}`);
    expect(await page.getByTestId(`live-instance-${accepted}`).textContent()).toContain(
      "Waits at Investigate and resolve",
    );

    // when the triage badge on the canvas is clicked
    await countAt(page, "triage").click();

    // then only instances waiting at triage are listed, and the badge is pressed
    await expect.poll(listed).not.toContain(`live-instance-${accepted}`);
    expect((await listed()).length).toBeGreaterThan(0);
    for (const row of await rows.all()) expect(await row.textContent()).toContain("Waits at Triage");
    expect(await countAt(page, "triage").getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByTestId("live-step-filter").inputValue()).toBe("triage");

    // when the resolve step is picked from the keyboard, in the picture's text list
    await page.getByTestId("standing-pick-resolve").focus();
    await page.keyboard.press("Enter");

    // then only the accepted incident is listed
    await expect.poll(listed).toEqual([`live-instance-${accepted}`]);
    expect(await page.getByTestId("live-waiting-count").textContent()).toContain(
      "1 waiting at Investigate and resolve",
    );
    expect(await seriousViolations(page)).toEqual([]);

    // when the same count is pressed again (space, this time), everything is listed again
    await page.keyboard.press("Space");
    await expect.poll(async () => (await listed()).length).toBeGreaterThan(1);
    expect(await page.getByTestId("live-step-filter").inputValue()).toBe("");
    await screenshot(page, "live-filter-laptop");
    await context.close();
  });

  it("says so when the workflow was never published, and refuses agents", async () => {
    // given a workflow that only has a draft
    const draft = await flowdesk.adminApi("PUT", "/api/workflows/draft-only/draft", {
      schemaVersion: 1,
      kind: "workflow",
      id: "draft-only",
      title: "Draft only",
      variables: { type: "object" },
      nodes: [],
      edges: [],
    });
    expect(draft.status).toBe(200);
    const { context, page } = await signInAs(browser, flowdesk, "olga.owner", LAPTOP);

    // when the owner opens its live view
    await page.goto(`${flowdesk.url}/#/live/draft-only`);

    // then it says there is nothing to show yet
    await page.getByText("This workflow has never been published").waitFor();
    await context.close();
    // and the positions API refuses an agent
    expect((await alex("GET", "/api/workflows/incident-management/positions")).status).toBe(403);
  });
});

describe("the instance view", () => {
  it("shows an instance's data, history and position, and follows it live", async () => {
    // given an incident at triage, and the agent of its queue on its instance view
    const instanceId = await reportIncident("Teams calls drop after five minutes");
    const { context, page } = await signInAs(browser, flowdesk, "alex.agent", LAPTOP);
    await page.goto(`${flowdesk.url}/#/instances/${instanceId}`);

    // then the data, the history and where it waits are shown
    await page.getByRole("heading", { name: "Incident management" }).waitFor();
    expect(await page.getByTestId("instance-data").textContent()).toContain(
      "Teams calls drop after five minutes",
    );
    const history = page.getByTestId("instance-history");
    expect(await history.textContent()).toContain("Started");
    expect(await history.textContent()).toContain("Triage");
    expect(await classOf(page, "picture-node-triage")).toContain("is-current");
    expect(await page.getByTestId("standing-list").textContent()).toContain("Triage");
    expect(await page.getByTestId("instance-tasks").textContent()).toContain("In the queue of service-desk");
    expect(await page.getByTestId("instance-status").textContent()).toBe("Running");
    // and people are named in words, not by user name
    expect(await page.locator(".instance-screen__meta").textContent()).toContain(
      "Requested by Rita Requester",
    );
    expect(await page.locator(".instance-screen__meta").textContent()).not.toContain("rita.requester");
    await screenshot(page, "instance-running-laptop");
    expect(await seriousViolations(page)).toEqual([]);

    // when the triage task is completed elsewhere
    await triageAsNotAnIncident(instanceId);

    // then the page shows it completed, without a reload
    await expect.poll(() => page.getByTestId("instance-status").textContent()).toBe("Completed");
    expect(await classOf(page, "picture-node-cancelled")).toContain("is-visited");
    // and who did it is named in words in the tasks and the history
    expect(await page.getByTestId("instance-tasks").textContent()).toContain("Done by Alex Agent");
    expect(await history.textContent()).toContain("Alex Agent");
    expect(await history.textContent()).not.toContain("alex.agent");
    await context.close();

    // and on a phone the view fits the width
    const phone = await signInAs(browser, flowdesk, "alex.agent", PHONE);
    await phone.page.goto(`${flowdesk.url}/#/instances/${instanceId}`);
    await phone.page.getByTestId("instance-history").waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    // and the picture opens readable on the path it took, not shrunk to the whole workflow
    await expect
      .poll(() => phone.page.locator(".react-flow__viewport").getAttribute("style"))
      .toMatch(/scale\((0\.[7-9]\d*|1)\)/);
    expect(await phone.page.getByTestId("picture-node-report").isVisible()).toBe(true);
    await screenshot(phone.page, "instance-completed-phone");
    await phone.context.close();
  });

  it("lets staff cancel a running instance after confirming", async () => {
    // given an incident at triage on the agent's screen
    const instanceId = await reportIncident("Wrong invoice printer");
    const { context, page } = await signInAs(browser, flowdesk, "alex.agent", LAPTOP);
    await page.goto(`${flowdesk.url}/#/instances/${instanceId}`);
    await expect
      .poll(() => page.locator(".live-status").getAttribute("class"))
      .toContain("live-status--live");

    // when they ask to cancel, then step back, then confirm with a reason
    await page.getByRole("button", { name: "Cancel instance" }).click();
    await page.getByRole("button", { name: "Keep it running" }).click();
    expect((await detail(instanceId)).status).toBe("running");
    await page.getByRole("button", { name: "Cancel instance" }).click();
    await page.getByLabel("Reason (optional)").fill("Reported twice");
    await page.getByRole("button", { name: "Yes, cancel instance" }).click();

    // then it is cancelled, on screen and on the server
    await expect.poll(() => page.getByTestId("instance-status").textContent()).toBe("Cancelled");
    expect((await detail(instanceId)).status).toBe("cancelled");
    await context.close();
  });
});

describe("incidents on an instance", () => {
  let service: Server | undefined;
  let port = 0;
  let instanceId = "";

  /** A port nothing listens on: opened, noted, closed. The service "comes back" on it later. */
  const closedPort = async (): Promise<number> => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port: free } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return free;
  };

  beforeAll(async () => {
    // a workflow whose service call goes to a closed port, with a task first so the agent may see it
    port = await closedPort();
    const definitions: [string, Record<string, unknown>][] = [
      [
        "forms",
        {
          schemaVersion: 1,
          kind: "form",
          id: "monitoring-check-form",
          title: "Run a monitoring check",
          schema: {
            type: "object",
            properties: { target: { type: "string", title: "What to check", minLength: 1 } },
            required: ["target"],
            additionalProperties: false,
          },
        },
      ],
      [
        "workflows",
        {
          schemaVersion: 1,
          kind: "workflow",
          id: "monitoring-check",
          title: "Monitoring check",
          variables: { type: "object", properties: { target: { type: "string" } } },
          nodes: [
            {
              id: "start",
              type: "start",
              name: "Check requested",
              config: { form: "monitoring-check-form" },
            },
            {
              id: "prepare",
              type: "user-task",
              name: "Prepare the check",
              config: { assignee: { kind: "group", group: "service-desk" } },
            },
            {
              id: "call-monitor",
              type: "service-call",
              name: "Ask the monitor",
              config: {
                method: "POST",
                url: `http://127.0.0.1:${port}/checks`,
                body: '{"target": "{{ target }}"}',
                timeoutMs: 2000,
                retry: { maxAttempts: 1, backoffMs: 0 },
              },
            },
            { id: "done", type: "end", name: "Checked", config: {} },
          ],
          edges: [
            { id: "to-prepare", source: "start", target: "prepare" },
            { id: "to-call", source: "prepare", target: "call-monitor" },
            { id: "to-done", source: "call-monitor", target: "done", outcome: "success" },
          ],
        },
      ],
      [
        "catalog-items",
        {
          schemaVersion: 1,
          kind: "catalogItem",
          id: "run-a-monitoring-check",
          title: "Run a monitoring check",
          description: "Asks the monitoring system to check a service now.",
          category: "it-support",
          form: "monitoring-check-form",
          workflow: "monitoring-check",
        },
      ],
    ];
    for (const [segment, definition] of definitions) {
      const saved = await flowdesk.adminApi(
        "PUT",
        `/api/${segment}/${String(definition.id)}/draft`,
        definition,
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const published = await flowdesk.adminApi("POST", `/api/${segment}/${String(definition.id)}/publish`);
      expect(published.status, JSON.stringify(published.body)).toBe(201);
    }
    const submitted = await rita<{ id: string }>("POST", "/api/requests", {
      catalogItemId: "run-a-monitoring-check",
      data: { target: "mail.example.com" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    instanceId = submitted.body.id;
    const task = (await detail(instanceId)).tasks[0];
    expect((await alex("POST", `/api/tasks/${task?.id}/complete`, {})).status).toBe(200);
    // the job runner makes the call, it fails, and an incident opens
    for (let waited = 0; (await detail(instanceId)).incidents.length === 0; waited += 200) {
      if (waited > 20_000) throw new Error("no incident opened");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (service ? service.close(() => resolve()) : resolve()));
  });

  it("offers an agent no Retry (the policy reserves it for admins) and the API refuses them", async () => {
    // given the agent who prepared the check, on its instance view
    const { context, page } = await signInAs(browser, flowdesk, "alex.agent", LAPTOP);
    await page.goto(`${flowdesk.url}/#/instances/${instanceId}`);
    const incidents = page.getByTestId("instance-incidents");

    // then they see the incident but no Retry button
    await incidents.getByText("Ask the monitor").waitFor();
    expect(await incidents.textContent()).toContain(`127.0.0.1:${port}`);
    expect(await incidents.getByRole("button", { name: "Retry" }).count()).toBe(0);
    expect(await incidents.textContent()).toContain("An administrator can retry this step.");
    await context.close();
    // and the API refuses their retry
    const incidentId = (await detail(instanceId)).incidents[0]?.id;
    expect((await alex("POST", `/api/incidents/${incidentId}/retry`)).status).toBe(403);
    // and a requester may not open instance views at all: the screen says so and the API refuses
    expect((await rita("GET", `/api/instances/${instanceId}`)).status).toBe(403);
    const requester = await signInAs(browser, flowdesk, "rita.requester", LAPTOP);
    await requester.page.goto(`${flowdesk.url}/#/instances/${instanceId}`);
    await requester.page.getByText("Your role does not open this screen.").waitFor();
    expect(await requester.page.getByRole("button", { name: "Cancel instance" }).count()).toBe(0);
    await requester.context.close();
  });

  it("lets an admin retry the failed call from the instance view once the service answers", async () => {
    // given an admin on the instance view with the open incident
    const { context, page } = await signInAs(browser, flowdesk, "ada.admin", LAPTOP);
    await page.goto(`${flowdesk.url}/#/instances/${instanceId}`);
    const incidents = page.getByTestId("instance-incidents");
    await incidents.getByRole("button", { name: "Retry" }).waitFor();
    expect(await classOf(page, "picture-node-call-monitor")).toContain("is-current");
    await screenshot(page, "instance-incident-laptop");
    expect(await seriousViolations(page)).toEqual([]);

    // when the monitoring service is back on its port and the admin presses Retry
    service = createServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end('{"healthy": true}');
    });
    await new Promise<void>((resolve) => service?.listen(port, "127.0.0.1", resolve));
    await incidents.getByRole("button", { name: "Retry" }).click();

    // then the incident is resolved and the instance runs to its end
    await expect
      .poll(() => page.getByTestId("instance-status").textContent(), { timeout: 20_000 })
      .toBe("Completed");
    expect(await incidents.textContent()).toContain("Resolved");
    expect(await classOf(page, "picture-node-done")).toContain("is-visited");
    await screenshot(page, "instance-retried-laptop");
    await context.close();
  });

  it("shows the incident on a phone without overflowing", async () => {
    const phone = await signInAs(browser, flowdesk, "ada.admin", PHONE);
    await phone.page.goto(`${flowdesk.url}/#/instances/${instanceId}`);
    await phone.page.getByTestId("instance-incidents").waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(phone.page, "instance-incident-phone");
    await phone.context.close();
  });
});
