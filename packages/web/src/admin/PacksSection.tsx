import type { PackImportPreviewView, Problem } from "@flowdesk/core";
import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { LoadingState } from "../ui/StateViews.tsx";
import { adminApi, type PackImportResult } from "./admin-api.ts";
import { PackExport } from "./PackExport.tsx";
import { PackPreview } from "./PackPreview.tsx";
import { PackProblems } from "./PackProblems.tsx";
import { PACK_FILE_LIMIT, readPackText } from "./pack-file.ts";

type Step =
  | { at: "idle" }
  | { at: "checking"; name: string }
  | { at: "unreadable"; name: string; reason: "notJson" | "notPack" | "empty" | "tooLarge" }
  | { at: "problems"; name: string; problems: Problem[] }
  | { at: "failed"; name: string; message: string }
  | { at: "preview"; name: string; pack: unknown; preview: PackImportPreviewView; importing: boolean }
  | { at: "imported"; name: string; result: PackImportResult };

const failureOf = (error: unknown): { problems: Problem[] } | { message: string } =>
  error instanceof ApiError && error.status === 422 && error.problems.length > 0
    ? { problems: error.problems }
    : { message: error instanceof Error ? error.message : String(error) };

/** Template packs: pick or drop a file -> its problems, or a preview of the changes -> import. */
export const PacksSection = () => {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ at: "idle" });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const check = async (file: File) => {
    const name = file.name;
    if (file.size > PACK_FILE_LIMIT) return setStep({ at: "unreadable", name, reason: "tooLarge" });
    setStep({ at: "checking", name });
    const reading = readPackText(await file.text());
    if (!reading.ok) return setStep({ at: "unreadable", name, reason: reading.reason });
    try {
      const preview = await adminApi.previewPack(reading.pack);
      setStep({ at: "preview", name, pack: reading.pack, preview, importing: false });
    } catch (error) {
      const failure = failureOf(error);
      setStep(
        "problems" in failure ? { at: "problems", name, ...failure } : { at: "failed", name, ...failure },
      );
    }
  };

  const apply = async () => {
    if (step.at !== "preview") return;
    setStep({ ...step, importing: true });
    try {
      const result = await adminApi.importPack(step.pack);
      setStep({ at: "imported", name: step.name, result });
    } catch (error) {
      const failure = failureOf(error);
      setStep(
        "problems" in failure
          ? { at: "problems", name: step.name, ...failure }
          : { at: "failed", name: step.name, ...failure },
      );
    }
  };

  const reset = () => {
    setStep({ at: "idle" });
    if (input.current) input.current.value = "";
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void check(file);
  };

  return (
    <section className="admin-section" aria-labelledby="admin-packs-title">
      <header className="admin-section__header">
        <h1 id="admin-packs-title">{t("admin.packs.title")}</h1>
        <PackExport />
      </header>
      <p className="admin-intro">{t("admin.packs.intro")}</p>
      <fieldset
        className={`admin-drop${dragging ? " admin-drop--active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="pack-drop-zone"
      >
        <legend className="visually-hidden">{t("admin.packs.fileLegend")}</legend>
        <p id="pack-drop-text" className="admin-drop__text">
          {t("admin.packs.dropHere")}
        </p>
        <p className="muted">{t("admin.packs.or")}</p>
        <input
          ref={input}
          id="pack-file"
          className="admin-drop__input"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void check(file);
          }}
        />
        <label htmlFor="pack-file" className="button primary">
          {t("admin.packs.choose")}
        </label>
      </fieldset>
      <div aria-live="polite">
        {step.at === "checking" && <LoadingState label={t("admin.packs.checking", { name: step.name })} />}
        {step.at === "unreadable" && (
          <p className="admin-card admin-card--error notice notice--error" role="alert">
            {t(`admin.packs.${step.reason}`, { name: step.name })}
          </p>
        )}
        {step.at === "failed" && (
          <p className="admin-card admin-card--error notice notice--error" role="alert">
            {t("admin.packs.failed", { name: step.name, message: step.message })}
          </p>
        )}
        {step.at === "problems" && <PackProblems name={step.name} problems={step.problems} />}
        {step.at === "preview" && (
          <PackPreview
            name={step.name}
            preview={step.preview}
            busy={step.importing}
            onImport={() => void apply()}
            onCancel={reset}
          />
        )}
        {step.at === "imported" && (
          <section className="admin-card admin-card--success" aria-labelledby="pack-imported-title">
            <h2 id="pack-imported-title" className="notice notice--success">
              {t("admin.packs.imported", {
                title: step.result.preview.pack.title,
                version: step.result.preview.pack.version,
                count: step.result.published.length,
              })}
            </h2>
            <ul className="admin-entries">
              {step.result.published.map((version) => (
                <li key={`${version.kind}:${version.id}`}>
                  <span className="admin-badge">{t(`admin.kind.${version.kind}`)}</span>
                  <code className="code">{version.id}</code>
                  <span>{t("admin.packs.version", { version: version.version })}</span>
                </li>
              ))}
            </ul>
            <button type="button" className="button" onClick={reset}>
              {t("admin.packs.another")}
            </button>
          </section>
        )}
      </div>
    </section>
  );
};
