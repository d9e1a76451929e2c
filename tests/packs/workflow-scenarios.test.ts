import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EdgeCoverage } from "./edge-coverage.ts";
import { runScenario, type Scenario } from "./scenario-runner.ts";
import { loadStarterPack } from "./starter-pack.ts";

/*
 * Every starter workflow is driven through the pure engine by scenario files (start
 * data, then task completions, approval decisions, timer firings, HTTP results...) until
 * every edge has been taken at least once.
 */
const pack = loadStarterPack();
const scenarioRoot = join(import.meta.dirname, "scenarios");

const scenariosOf = (workflowId: string): [string, Scenario][] => {
  let names: string[] = [];
  try {
    names = readdirSync(join(scenarioRoot, workflowId)).filter((name) => name.endsWith(".scenario.json"));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((name) => [
      name.replace(".scenario.json", ""),
      JSON.parse(readFileSync(join(scenarioRoot, workflowId, name), "utf8")) as Scenario,
    ]);
};

const coverageLines: string[] = [];
afterAll(() => {
  console.log(`Edge coverage of the starter workflows:\n${coverageLines.join("\n")}`);
});

describe.each([...pack.workflows.keys()].sort())("workflow %s", (workflowId) => {
  const definition = pack.workflows.get(workflowId)!;
  const coverage = new EdgeCoverage(definition);
  const scenarios = scenariosOf(workflowId);

  it("has scenarios", () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it.each(scenarios)("%s", (_name, scenario) => {
    // given the scenario's start data and events
    // when the engine steps through them
    const run = runScenario(pack, definition, scenario, coverage);

    // then every form accepted its data, no incident was opened, and it ended as expected
    expect(run.formProblems).toEqual([]);
    const incidents = run.results
      .flatMap((result) => result.effects)
      .filter((effect) => effect.type === "incident.opened");
    expect(incidents).toEqual([]);
    expect(run.state.status).toBe(scenario.expect.status);
    if (scenario.expect.outcome !== undefined) expect(run.state.outcome).toBe(scenario.expect.outcome);
    expect(run.state.variables).toMatchObject(scenario.expect.variables ?? {});
    if (scenario.expect.sla !== undefined) expect(run.state.sla).toMatchObject(scenario.expect.sla);
  });

  it("takes every edge", () => {
    // then (after all scenarios ran)
    const total = definition.edges.length;
    coverageLines.push(
      `  ${workflowId.padEnd(28)} ${String(total - coverage.missing().length).padStart(3)}/${String(total).padEnd(3)} edges  ${coverage.percent()} %`,
    );
    expect(coverage.missing()).toEqual([]);
    expect(coverage.percent()).toBe(100);
  });
});
