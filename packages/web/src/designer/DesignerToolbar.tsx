import { useTranslation } from "react-i18next";
import type { Notice } from "../api/use-draft.ts";
import { DesignerMoreMenu } from "./DesignerMoreMenu.tsx";
import type { DesignerState } from "./model/designer-store.ts";

interface DesignerToolbarProps {
  title: string;
  /** Where the live view of this workflow's running instances opens. */
  liveHref: string;
  state: DesignerState;
  busy: boolean;
  publishBlocked: boolean;
  notice: Notice | undefined;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFit: () => void;
  onSave: () => void;
  onPublish: () => void;
  onVersions: () => void;
  onExport: () => void;
  onImport: () => void;
}

export const DesignerToolbar = (props: DesignerToolbarProps) => {
  const { t } = useTranslation();
  const { state, busy } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label={t("designer.toolbar")}>
      <h1 className="toolbar__title">
        {props.title}
        {state.dirty ? <span className="toolbar__dirty"> · {t("designer.unsaved")}</span> : null}
      </h1>
      <div className="toolbar__group">
        <button
          type="button"
          className="button"
          onClick={props.onUndo}
          disabled={!state.canUndo}
          title="Ctrl+Z"
        >
          {t("designer.undo")}
        </button>
        <button
          type="button"
          className="button"
          onClick={props.onRedo}
          disabled={!state.canRedo}
          title="Ctrl+Shift+Z"
        >
          {t("designer.redo")}
        </button>
      </div>
      <div className="toolbar__group">
        <button type="button" className="button" onClick={props.onLayout}>
          {t("designer.autoLayout")}
        </button>
        <button type="button" className="button" onClick={props.onFit}>
          {t("designer.fit")}
        </button>
      </div>
      <DesignerMoreMenu
        items={[
          { label: t("designer.import"), onSelect: props.onImport },
          { label: t("designer.export"), onSelect: props.onExport },
          { label: t("designer.versions"), onSelect: props.onVersions },
          { label: t("designer.liveView"), href: props.liveHref },
        ]}
      />
      <div className="toolbar__group toolbar__group--end">
        <span className={`notice notice--${props.notice?.tone ?? "info"}`} role="status" aria-live="polite">
          {props.notice?.text ?? ""}
        </span>
        <button type="button" className="button" onClick={props.onSave} disabled={busy} title="Ctrl+S">
          {t("designer.save")}
        </button>
        <button
          type="button"
          className="button primary"
          onClick={props.onPublish}
          disabled={busy || props.publishBlocked}
          aria-describedby={props.publishBlocked ? "publish-blocked" : undefined}
        >
          {t("designer.publish")}
        </button>
        {props.publishBlocked ? (
          <span id="publish-blocked" className="visually-hidden">
            {t("designer.publishBlocked")}
          </span>
        ) : null}
      </div>
    </div>
  );
};
