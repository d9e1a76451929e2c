import { descriptorOf } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { problemText } from "../ui/problem-text.ts";
import type { CanvasNodeData } from "./model/canvas-mapping.ts";
import { NodeGlyph } from "./NodeGlyph.tsx";

/** One step on the canvas: glyph, name, type, and a badge when it has problems. */
export const WorkflowNodeView = memo(({ data, selected }: NodeProps & { data: CanvasNodeData }) => {
  const { t } = useTranslation();
  const { node, problems, status } = data;
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const typeLabel = t(`nodeTypes.${node.type}`, { defaultValue: node.type });
  const ports = descriptorOf(nodeRegistry, node.type)?.ports;
  const classes = [
    "wf-node",
    `wf-node--${node.type}`,
    selected ? "is-selected" : "",
    status ? `is-${status}` : "",
  ];
  if (problems.length > 0) classes.push(errors > 0 ? "has-errors" : "has-warnings");
  return (
    <div className={classes.filter(Boolean).join(" ")} data-testid={`node-${node.id}`}>
      {ports?.inputs === "none" ? null : <Handle type="target" position={Position.Left} />}
      <NodeGlyph type={node.type} />
      <div className="wf-node__text">
        <span className="wf-node__name">{node.name || typeLabel}</span>
        {node.name && node.name !== typeLabel ? <span className="wf-node__type">{typeLabel}</span> : null}
      </div>
      {problems.length > 0 ? (
        <span
          className="wf-node__badge"
          title={problems.map((problem) => problemText(t, problem)).join("\n")}
        >
          {problems.length}
          <span className="visually-hidden">{t("designer.problemCount", { count: problems.length })}</span>
        </span>
      ) : null}
      {ports?.outputs === "none" ? null : <Handle type="source" position={Position.Right} />}
    </div>
  );
});
