import {
  type NodeRegistry,
  nodeOutcomes,
  type Problem,
  type WorkflowDefinition,
  type WorkflowEdge,
} from "@flowdesk/core";
import { useTranslation } from "react-i18next";
import { expressionIssues } from "../core-bridge/core-rules.ts";
import { problemText } from "../ui/problem-text.ts";
import type { EdgeSettings } from "./model/commands/edge-commands.ts";

interface EdgePanelProps {
  edge: WorkflowEdge;
  definition: WorkflowDefinition;
  registry: NodeRegistry;
  problems: readonly Problem[];
  onChange: (settings: EdgeSettings) => void;
}

/** Side panel of one edge: the outcome it leaves by and, after a decision, its condition. */
export const EdgePanel = ({ edge, definition, registry, problems, onChange }: EdgePanelProps) => {
  const { t } = useTranslation();
  const source = definition.nodes.find((node) => node.id === edge.source);
  const target = definition.nodes.find((node) => node.id === edge.target);
  const descriptor = source ? registry[source.type] : undefined;
  const outcomes = source && descriptor ? nodeOutcomes(source, descriptor) : [];
  const fromDecision = descriptor?.flowRole === "decision";
  const current: EdgeSettings = {
    outcome: edge.outcome,
    condition: edge.condition,
    isDefault: edge.isDefault,
    name: edge.name,
  };
  const change = (patch: EdgeSettings) => onChange({ ...current, ...patch });
  const issues = edge.condition ? expressionIssues(edge.condition) : [];
  return (
    <section className="side-panel" aria-labelledby="edge-panel-title">
      <h2 id="edge-panel-title" className="panel-title">
        {t("designer.edge")}{" "}
        <span className="muted">
          {source?.name ?? edge.source} → {target?.name ?? edge.target}
        </span>
      </h2>
      {problems.length > 0 ? (
        <ul className="inline-errors" aria-label={t("problems.title")}>
          {problems.map((problem) => (
            <li key={`${problem.code}${problem.pointer}`}>{problemText(t, problem)}</li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor="edge-name">{t("designer.edgeName")}</label>
        <input
          id="edge-name"
          value={edge.name ?? ""}
          onChange={(event) => change({ name: event.target.value })}
        />
      </div>
      {outcomes.length > 0 ? (
        <div className="field">
          <label htmlFor="edge-outcome">{t("designer.outcome")}</label>
          <select
            id="edge-outcome"
            value={edge.outcome ?? ""}
            onChange={(event) =>
              change({ outcome: event.target.value === "" ? undefined : event.target.value })
            }
          >
            <option value="">{t("designer.noOutcome")}</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {fromDecision ? (
        <>
          <div className="field">
            <label htmlFor="edge-condition">{t("designer.condition")}</label>
            <textarea
              id="edge-condition"
              className="code"
              rows={3}
              spellCheck={false}
              value={edge.condition ?? ""}
              disabled={edge.isDefault === true}
              aria-invalid={issues.length > 0}
              aria-describedby="edge-condition-help"
              placeholder='priority == "P1"'
              onChange={(event) => change({ condition: event.target.value })}
            />
            <span id="edge-condition-help" className={issues.length > 0 ? "field-error" : "field-hint"}>
              {issues.length > 0
                ? issues.map((issue) => issue.message).join(" ")
                : t("designer.conditionHelp")}
            </span>
          </div>
          <div className="field field--inline">
            <input
              id="edge-default"
              type="checkbox"
              checked={edge.isDefault === true}
              onChange={(event) =>
                change(
                  event.target.checked ? { isDefault: true, condition: undefined } : { isDefault: false },
                )
              }
            />
            <label htmlFor="edge-default">{t("designer.defaultEdge")}</label>
          </div>
        </>
      ) : null}
    </section>
  );
};
