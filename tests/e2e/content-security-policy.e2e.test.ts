import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium } from "./support/browser.ts";
import { type Flowdesk, signInAs, startFlowdesk } from "./support/real-server.ts";

/*
 * The app works under its own Content-Security-Policy: the real server sends the
 * policy, and a process owner using both designers (the validation worker, live
 * checks) and a requester filling a catalog form (validation as she types, the live
 * socket) trigger no violation.
 */

let flowdesk: Flowdesk;
let browser: Browser;

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/**
 * Records every CSP violation the page (and its workers' reports reaching the page)
 * raises, plus console errors naming the policy: the init script runs before the
 * app's own scripts and is itself not subject to the page's policy.
 */
const watchViolations = async (context: BrowserContext, page: Page): Promise<string[]> => {
  const seen: string[] = [];
  await context.exposeFunction("__reportCspViolation", (violation: Violation) => {
    seen.push(`${violation.directive} blocked ${violation.blocked} (${violation.source})`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      seen.push(message.text());
  });
  return seen;
};

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  await flowdesk.createPeople([
    { username: "olivia", displayName: "Olivia Owner", roles: ["process-owner"] },
    { username: "rita", displayName: "Rita Requester", roles: ["requester"] },
    { username: "mona", displayName: "Mona Manager", roles: ["requester"] },
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await flowdesk?.close();
});

describe("content security policy", () => {
  it("is sent with the app, and the designers work under it without a violation", async () => {
    // given a process owner, with violations recorded from the first script on
    const { context, page } = await signInAs(browser, flowdesk, "olivia");
    page.setDefaultTimeout(15_000);
    const violations = await watchViolations(context, page);

    // when she opens the app, a workflow in the designer, and edits a form in the form designer
    await page.goto("about:blank");
    const response = await page.goto(`${flowdesk.url}/#/workflows/incident-management`);
    await page.locator(".react-flow__node").first().waitFor();
    await page.locator('.problems[aria-busy="false"]').waitFor();
    await page.goto(`${flowdesk.url}/#/forms/incident-report`);
    await page.getByRole("button", { name: "Short text", exact: true }).click();
    await page.getByLabel("Label", { exact: true }).fill("Asset tag");
    await page.getByLabel("Required").check();
    await page
      .locator(".preview")
      .getByLabel(/^Asset tag/)
      .waitFor();
    await seriousViolations(page);

    // then the page came with the policy, and nothing was blocked
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(violations).toEqual([]);
    await context.close();
  });

  it("lets a requester fill a catalog form, checked as she types, and submit it without a violation", async () => {
    // given a requester, with violations recorded from the first script on
    const { context, page } = await signInAs(browser, flowdesk, "rita");
    page.setDefaultTimeout(15_000);
    const violations = await watchViolations(context, page);

    // when she types a reason, clears it (the browser's validator flags it), then fills and submits
    await page.goto(`${flowdesk.url}/#/catalog/request-a-laptop`);
    await page.getByRole("heading", { name: "Request a new laptop" }).waitFor();
    const why = page.getByLabel(/^Why you need it\*?$/);
    await why.fill("x");
    await why.fill("");
    await page.getByText("Fill this in; it is required.").first().waitFor();
    await page.getByLabel("standard-14").check();
    await page.getByRole("combobox", { name: /Your manager/ }).fill("mona");
    await page.getByRole("option", { name: /Mona Manager/ }).click();
    await why.fill("My laptop's screen broke");
    await page.getByLabel(/^Delivery address\*?$/).fill("Desk 4.12, London office");
    await page.getByRole("button", { name: "Submit request" }).click();

    // then the request page shows it, live, and nothing was blocked
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    await expect
      .poll(() => page.locator(".live-status").getAttribute("class"))
      .toContain("live-status--live");
    expect(violations).toEqual([]);
    await context.close();
  });
});
