import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { type Flowdesk, signInAs, startFlowdesk, USER_PASSWORD } from "./support/real-server.ts";

/*
 * The shell against the real server: sign-in, sign-out, a session that ends under an
 * open page, and navigation that offers each role exactly the screens it may open
 * while the API refuses the rest.
 */

let flowdesk: Flowdesk;
let browser: Browser;

const PEOPLE = [
  { username: "rita.requester", displayName: "Rita Requester", roles: ["requester"] },
  { username: "alex.agent", displayName: "Alex Agent", roles: ["agent"], groups: ["service-desk"] },
  { username: "olga.owner", displayName: "Olga Owner", roles: ["process-owner"] },
  { username: "ada.admin", displayName: "Ada Admin", roles: ["admin"] },
];

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  await flowdesk.createPeople(PEOPLE);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await flowdesk?.close();
});

const navigation = async (page: import("playwright-core").Page): Promise<string[]> =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts();

describe("signing in and out", () => {
  it("refuses a wrong password in words, then signs in and out", async () => {
    // given the sign-in screen
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${flowdesk.url}/#/requests`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "shell-sign-in");

    // when the password is wrong
    await page.getByLabel("User name").fill("rita.requester");
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();

    // then it says so and stays on the sign-in screen
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("That user name and password do not match.");

    // when the right password is given
    await page.getByLabel("Password").fill(USER_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    // then the screen asked for opens, with the person's name in the header
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(page.url()).toContain("#/requests");
    await expect.poll(() => page.locator(".user-name").textContent()).toBe("Rita Requester");

    // when signing out
    await page.getByRole("button", { name: "Sign out" }).click();

    // then the sign-in screen says so, and the API no longer answers as Rita
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("You are signed out.");
    const session = await page.request.get(`${flowdesk.url}/api/session`);
    expect(((await session.json()) as { user: unknown }).user).toBeNull();
    await context.close();
  });

  it("shows the sign-in screen with a reason when the session ends under an open page, and returns there", async () => {
    // given Alex signed in on the inbox
    const { context, page } = await signInAs(browser, flowdesk, "alex.agent");
    await page.goto(`${flowdesk.url}/#/inbox`);
    await expect
      .poll(() => page.locator(".live-status").getAttribute("class"))
      .toContain("live-status--live");

    // when the session ends on the server (as when it expires or is signed out elsewhere)
    const ended = await page.evaluate(async () => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      return (
        await fetch("/api/session", { method: "DELETE", headers: { "X-CSRF-Token": session.csrfToken } })
      ).status;
    });
    expect(ended).toBeLessThan(300);

    // then, without any click, the live socket is closed by the server and the page says the session ended
    await expect
      .poll(() => page.locator(".login-card").textContent(), { timeout: 10_000 })
      .toContain("Your session has ended");
    await screenshot(page, "shell-session-ended");

    // when Alex signs in again, the same screen is back
    await page.getByLabel("User name").fill("alex.agent");
    await page.getByLabel("Password").fill(USER_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(page.url()).toContain("#/inbox");
    await context.close();
  });
});

describe("each role is offered exactly its screens", () => {
  const cases = [
    {
      username: "rita.requester",
      nav: ["Catalog", "My requests", "Inbox"],
      refused: [
        "#/workflows",
        "#/forms/incident-report",
        "#/admin/users",
        "#/instances/abc",
        "#/live/new-laptop",
      ],
      api: ["/api/workflows", "/api/users", "/api/instances", "/api/audit-log"],
    },
    {
      username: "alex.agent",
      nav: ["Catalog", "My requests", "Inbox"],
      refused: ["#/workflows", "#/admin/packs", "#/live/new-laptop"],
      api: ["/api/workflows", "/api/users", "/api/audit-log"],
    },
    {
      username: "olga.owner",
      nav: ["Catalog", "My requests", "Inbox", "Workflows", "Forms"],
      refused: ["#/admin/users", "#/admin/audit"],
      api: ["/api/users", "/api/audit-log"],
    },
    {
      username: "ada.admin",
      nav: ["Catalog", "My requests", "Inbox", "Workflows", "Forms", "Admin"],
      refused: [],
      api: [],
    },
  ];

  for (const role of cases) {
    it(`${role.username}: navigation, refused screens and refused API calls`, async () => {
      // given the person signed in
      const { context, page } = await signInAs(browser, flowdesk, role.username);

      // then the navigation lists exactly the screens of their roles
      expect(await navigation(page)).toEqual(role.nav);

      // and a screen outside their roles, opened by address, says so and offers no action
      for (const hash of role.refused) {
        await page.goto(`${flowdesk.url}/${hash}`);
        await expect
          .poll(() => page.getByRole("alert").textContent())
          .toContain("Your role does not open this screen.");
        expect(await page.locator("main button").count()).toBe(0);
      }

      // and the API refuses those calls anyway
      for (const path of role.api) {
        const answer = await page.request.get(`${flowdesk.url}${path}`);
        expect(answer.status(), path).toBe(403);
      }
      await context.close();
    });
  }

  it("the phone-width header folds the navigation behind a Menu button", async () => {
    // given a requester on a phone
    const { context, page } = await signInAs(browser, flowdesk, "rita.requester", {
      width: 390,
      height: 844,
    });

    // then the navigation is hidden until Menu is pressed
    expect(await page.getByRole("link", { name: "My requests" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "My requests" }).click();

    // then the page moved and the menu closed; nothing overflows sideways
    expect(page.url()).toContain("#/requests");
    expect(await page.getByRole("link", { name: "My requests" }).isVisible()).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "shell-phone");
    await context.close();
  });
});
