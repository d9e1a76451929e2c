import type { NodeRegistry, WorkflowDefinition } from "@flowdesk/core";
import { ReactFlowProvider } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type VersionSummary } from "../api/api-client.ts";
import { DesignerCanvas } from "./DesignerCanvas.tsx";
import { diffWorkflows, mergeForDiff, type WorkflowDiff } from "./model/workflow-diff.ts";

interface VersionsDialogProps {
  workflowId: string;
  registry: NodeRegistry;
  onClose: () => void;
  onOpenVersion: (definition: WorkflowDefinition) => void;
}

interface Comparison {
  diff: WorkflowDiff;
  merged: ReturnType<typeof mergeForDiff>;
}

const NO_SELECTION = { nodes: [], edges: [] };

/** Published versions, and a visual diff of two of them (added, removed, changed). */
export const VersionsDialog = ({ workflowId, registry, onClose, onOpenVersion }: VersionsDialogProps) => {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [versions, setVersions] = useState<VersionSummary[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [comparison, setComparison] = useState<Comparison | undefined>();

  useEffect(() => {
    dialog.current?.showModal();
    api
      .versions("workflows", workflowId)
      .then(({ items }) => {
        const sorted = [...items].sort((a, b) => b.version - a.version);
        setVersions(sorted);
        setTo(sorted[0]?.version);
        setFrom(sorted[1]?.version ?? sorted[0]?.version);
      })
      .catch(() => setFailed(true));
  }, [workflowId]);

  const load = (version: number) =>
    api.version<WorkflowDefinition>("workflows", workflowId, version).then((answer) => answer.definition);

  const compare = async () => {
    if (from === undefined || to === undefined) return;
    const [older, newer] = await Promise.all([load(from), load(to)]);
    const diff = diffWorkflows(older, newer);
    setComparison({ diff, merged: mergeForDiff(older, newer, diff) });
  };

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const versionSelect = (id: string, value: number | undefined, set: (version: number) => void) => (
    <select id={id} value={value ?? ""} onChange={(event) => set(Number(event.target.value))}>
      {versions?.map((version) => (
        <option key={version.version} value={version.version}>
          {t("versions.version", { version: version.version })}
        </option>
      ))}
    </select>
  );

  return (
    <dialog ref={dialog} className="dialog dialog--wide" aria-labelledby="versions-title" onClose={onClose}>
      <header className="dialog__header">
        <h2 id="versions-title">{t("versions.title")}</h2>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t("common.close")}
        </button>
      </header>
      {failed ? <p role="alert">{t("versions.loadFailed")}</p> : null}
      {versions?.length === 0 ? <p>{t("versions.none")}</p> : null}
      {versions && versions.length > 0 ? (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("versions.columns.version")}</th>
                <th scope="col">{t("versions.columns.publishedAt")}</th>
                <th scope="col">{t("versions.columns.publishedBy")}</th>
                <th scope="col">{t("versions.columns.hash")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("versions.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version}>
                  <td>{version.version}</td>
                  <td>{date.format(new Date(version.publishedAt))}</td>
                  <td>{version.publishedBy}</td>
                  <td className="code">{version.contentHash.slice(0, 12)}</td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => void load(version.version).then(onOpenVersion)}
                    >
                      {t("versions.openAsDraft")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="inline-form">
            <label htmlFor="diff-from">{t("versions.from")}</label>
            {versionSelect("diff-from", from, setFrom)}
            <label htmlFor="diff-to">{t("versions.to")}</label>
            {versionSelect("diff-to", to, setTo)}
            <button type="button" className="button primary" onClick={() => void compare()}>
              {t("versions.compare")}
            </button>
          </div>
        </>
      ) : null}
      {comparison ? (
        <div className="diff">
          <ul className="diff__legend" aria-label={t("versions.legend")}>
            {(["added", "removed", "changed"] as const).map((kind) => (
              <li key={kind} className={`diff__key is-${kind}`}>
                {t(`versions.${kind}`, {
                  count: comparison.diff[kind].nodes.length + comparison.diff[kind].edges.length,
                })}
                {comparison.diff[kind].nodes.length > 0 ? `: ${comparison.diff[kind].nodes.join(", ")}` : ""}
              </li>
            ))}
          </ul>
          <div className="diff__canvas">
            <ReactFlowProvider>
              <DesignerCanvas
                definition={comparison.merged.definition}
                registry={registry}
                problems={[]}
                selection={NO_SELECTION}
                status={comparison.merged.status}
                readOnly
              />
            </ReactFlowProvider>
          </div>
        </div>
      ) : null}
    </dialog>
  );
};
