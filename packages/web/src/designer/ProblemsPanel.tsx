import type { Problem, WorkflowDefinition } from "@flowdesk/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemText } from "../ui/problem-text.ts";
import { problemTarget } from "./model/canvas-mapping.ts";

interface ProblemsPanelProps {
  definition: WorkflowDefinition;
  problems: readonly Problem[];
  /** The list belongs to an older version of the workflow; a newer check is under way. */
  checking?: boolean;
  onSelect: (target: { kind: "node" | "edge"; id: string }) => void;
}

/**
 * How many problems are listed before "show all": a broken 1,000-step workflow has about
 * as many, and listing them all on every edit would make each check slow to show.
 */
export const PROBLEMS_SHOWN = 50;

/** Everything the validator finds while drawing; choosing a problem selects what it is about. */
export const ProblemsPanel = ({ definition, problems, checking = false, onSelect }: ProblemsPanelProps) => {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  const shown = showAll ? problems : problems.slice(0, PROBLEMS_SHOWN);
  return (
    <section className="problems" aria-labelledby="problems-title" aria-busy={checking}>
      <h2 id="problems-title" className="panel-title">
        {t("problems.title")}{" "}
        <span className="problems__summary" aria-live="polite">
          {problems.length === 0 ? t("problems.none") : t("problems.summary", { errors, warnings })}
        </span>
      </h2>
      {problems.length > 0 ? (
        <ul className="problems__list">
          {shown.map((problem) => (
            <ProblemRow
              key={`${problem.code}-${problem.pointer}-${problem.message}`}
              definition={definition}
              problem={problem}
              onSelect={onSelect}
            />
          ))}
        </ul>
      ) : null}
      {shown.length < problems.length ? (
        <button type="button" className="button problems__more" onClick={() => setShowAll(true)}>
          {t("problems.showAll", { count: problems.length })}
        </button>
      ) : null}
    </section>
  );
};

interface ProblemRowProps {
  definition: WorkflowDefinition;
  problem: Problem;
  onSelect: (target: { kind: "node" | "edge"; id: string }) => void;
}

const ProblemRow = ({ definition, problem, onSelect }: ProblemRowProps) => {
  const { t } = useTranslation();
  const target = problemTarget(definition, problem);
  const element =
    target?.kind === "node"
      ? definition.nodes.find((node) => node.id === target.id)
      : target
        ? definition.edges.find((edge) => edge.id === target.id)
        : undefined;
  return (
    <li className={`problem problem--${problem.severity}`}>
      <button
        type="button"
        className="problem__button"
        disabled={!target}
        onClick={() => target && onSelect(target)}
      >
        <span className="problem__severity">{t(`problems.${problem.severity}`)}</span>
        <span className="problem__message">{problemText(t, problem)}</span>
        <span className="problem__where">
          {element ? (element.name ?? element.id) : problem.pointer || t("problems.workflow")}
          {" · "}
          {problem.code}
        </span>
      </button>
    </li>
  );
};
