import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePanelFocus } from "./use-panel-focus.ts";

/**
 * The frame of an inline admin panel (create or edit a user or group, reset a password): its
 * heading takes focus, Escape closes it, a general problem shows above the submit and cancel buttons.
 */
export const PanelForm = ({
  title,
  submitLabel,
  busy,
  problem,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  submitLabel: string;
  busy: boolean;
  /** A problem the server named for no single field. */
  problem?: string | undefined;
  onSubmit: () => void | Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const focus = usePanelFocus(onCancel);
  return (
    <form
      className="admin-card admin-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      onKeyDown={focus.onKeyDown}
      noValidate
    >
      <h2 ref={focus.heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
};
