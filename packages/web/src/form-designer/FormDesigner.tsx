import type { FormDefinition } from "@flowdesk/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/api-client.ts";
import { ApiError } from "../api/api-error.ts";
import type { Notice } from "../api/use-draft.ts";
import { CommandStack } from "../designer/model/command-stack.ts";
import { useWorkingCopy } from "../designer/use-working-copy.ts";
import { problemText, refusalText } from "../ui/problem-text.ts";
import { FieldList } from "./FieldList.tsx";
import { FieldPalette } from "./FieldPalette.tsx";
import { FieldProperties } from "./FieldProperties.tsx";
import { FormPreview } from "./FormPreview.tsx";
import { JsonView } from "./JsonView.tsx";
import type { FormCommand } from "./model/form-command.ts";
import {
  addFieldCommand,
  moveFieldCommand,
  removeFieldCommand,
  renameFormCommand,
  replaceFormCommand,
  updateFieldCommand,
} from "./model/form-commands.ts";
import { type FieldKind, type FormModel, newField } from "./model/form-field.ts";
import { formModelProblems } from "./model/form-problems.ts";
import { emptyForm, fromFormDefinition, toFormDefinition } from "./model/form-schema.ts";

/** The form designer screen: loads the draft (else the newest version), then edits it. */
export const FormDesigner = ({ formId }: { formId: string }) => {
  const { t } = useTranslation();
  const { value: model, failed } = useWorkingCopy<FormDefinition, FormModel>("forms", formId, (definition) =>
    definition ? fromFormDefinition(definition) : emptyForm(formId, formId),
  );
  if (failed) return <p role="alert">{t("formDesigner.loadFailed")}</p>;
  if (!model) return <p aria-live="polite">{t("common.loading")}</p>;
  return <FormEditor initial={model} formId={formId} />;
};

const FormEditor = ({ initial, formId }: { initial: FormModel; formId: string }) => {
  const { t } = useTranslation();
  const stack = useRef(new CommandStack<FormModel>());
  const [model, setModel] = useState(initial);
  const [selected, setSelected] = useState<string | undefined>(initial.fields[0]?.name);
  const [view, setView] = useState<"preview" | "json">("preview");
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const definition = useMemo(() => toFormDefinition(model), [model]);
  const problems = useMemo(() => formModelProblems(model), [model]);

  const run = (command: FormCommand) => {
    setModel(stack.current.execute(model, command));
    setDirty(true);
  };
  const undo = () => {
    if (!stack.current.canUndo) return;
    setModel(stack.current.undo(model));
    setDirty(true);
  };
  const redo = () => {
    if (!stack.current.canRedo) return;
    setModel(stack.current.redo(model));
    setDirty(true);
  };
  const shortcuts = useRef({ undo, redo });
  shortcuts.current = { undo, redo };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const key = event.key.toLowerCase();
      if (!(event.ctrlKey || event.metaKey) || (key !== "z" && key !== "y")) return;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      event.preventDefault();
      if (key === "y" || event.shiftKey) shortcuts.current.redo();
      else shortcuts.current.undo();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  const add = (kind: FieldKind, index?: number) => {
    const field = newField(model, kind, t(`fieldKinds.${kind}`));
    run(addFieldCommand(field, index));
    setSelected(field.name);
  };

  const save = async (): Promise<boolean> => {
    setBusy(true);
    try {
      await api.saveDraft("forms", formId, definition);
      setDirty(false);
      setNotice({ tone: "success", text: t("designer.saved") });
      return true;
    } catch (error) {
      setNotice({ tone: "error", text: t("designer.saveFailed", { reason: refusalText(t, error) }) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!(await save())) return;
    setBusy(true);
    try {
      const published = await api.publish("forms", formId);
      setNotice({ tone: "success", text: t("designer.published", { version: published.version }) });
    } catch (error) {
      const detail =
        error instanceof ApiError && error.problems.length > 0
          ? error.problems.map((problem) => problemText(t, problem)).join(" ")
          : (error as Error).message;
      setNotice({ tone: "error", text: t("designer.publishFailed", { reason: detail }) });
    } finally {
      setBusy(false);
    }
  };

  const index = model.fields.findIndex((field) => field.name === selected);
  const field = model.fields[index];

  return (
    <div className="form-designer">
      <div className="toolbar" role="toolbar" aria-label={t("designer.toolbar")}>
        <h1 className="toolbar__title">
          <label className="visually-hidden" htmlFor="form-title">
            {t("designer.title")}
          </label>
          <input
            id="form-title"
            className="toolbar__title-input"
            value={model.title}
            onChange={(event) => run(renameFormCommand(model, event.target.value))}
          />
          {dirty ? <span className="toolbar__dirty"> · {t("designer.unsaved")}</span> : null}
        </h1>
        <div className="toolbar__group">
          <button
            type="button"
            className="button"
            onClick={undo}
            disabled={!stack.current.canUndo}
            title="Ctrl+Z"
          >
            {t("designer.undo")}
          </button>
          <button
            type="button"
            className="button"
            onClick={redo}
            disabled={!stack.current.canRedo}
            title="Ctrl+Shift+Z"
          >
            {t("designer.redo")}
          </button>
        </div>
        <fieldset className="toolbar__group toolbar__fieldset">
          <legend className="visually-hidden">{t("formDesigner.view")}</legend>
          <button
            type="button"
            className="button"
            aria-pressed={view === "preview"}
            onClick={() => setView("preview")}
          >
            {t("formDesigner.preview")}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={view === "json"}
            onClick={() => setView("json")}
          >
            {t("formDesigner.json")}
          </button>
        </fieldset>
        <div className="toolbar__group toolbar__group--end">
          <span className={`notice notice--${notice?.tone ?? "info"}`} role="status" aria-live="polite">
            {notice?.text ?? ""}
          </span>
          <button type="button" className="button" onClick={() => void save()} disabled={busy}>
            {t("designer.save")}
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => void publish()}
            disabled={busy || problems.length > 0 || model.fields.length === 0}
          >
            {t("designer.publish")}
          </button>
        </div>
      </div>
      <FieldPalette onAdd={(kind) => add(kind)} />
      <div className="form-designer__middle">
        <FieldList
          fields={model.fields}
          selected={selected}
          onSelect={setSelected}
          onMove={(from, to) => run(moveFieldCommand(from, to))}
          onRemove={(name) => {
            run(removeFieldCommand(model, name));
            if (selected === name) setSelected(undefined);
          }}
          onDropNew={(kind, at) => add(kind, at)}
        />
        {problems.length > 0 ? (
          <section className="problems problems--compact" aria-labelledby="form-problems-title">
            <h2 id="form-problems-title" className="panel-title">
              {t("problems.title")}
            </h2>
            <ul className="problems__list">
              {problems.map((problem) => {
                const fieldIndex = Number(problem.pointer.split("/")[2]);
                const target = model.fields[fieldIndex];
                return (
                  <li key={`${problem.code}${problem.pointer}`} className="problem problem--error">
                    <button
                      type="button"
                      className="problem__button"
                      onClick={() => setSelected(target?.name)}
                    >
                      <span className="problem__severity">{t("problems.error")}</span>
                      <span className="problem__message">
                        {t(`formProblems.${problem.code}`, { subject: problem.message })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </div>
      <aside className="inspector" aria-label={t("designer.inspector")}>
        {field ? (
          <FieldProperties
            key={index}
            field={field}
            earlier={model.fields.slice(0, index)}
            nameTaken={(name) => model.fields.some((other, at) => at !== index && other.name === name)}
            onChange={(next) => {
              run(updateFieldCommand(model, field.name, next));
              setSelected(next.name);
            }}
          />
        ) : (
          <section className="side-panel">
            <h2 className="panel-title">{t("formDesigner.properties")}</h2>
            <p className="field-hint">{t("formDesigner.selectField")}</p>
          </section>
        )}
      </aside>
      <div className="form-designer__output">
        {view === "preview" ? (
          <FormPreview definition={definition} />
        ) : (
          <JsonView
            definition={definition}
            onChange={(next) =>
              run(replaceFormCommand(model, fromFormDefinition({ ...definition, ...next })))
            }
          />
        )}
      </div>
    </div>
  );
};
