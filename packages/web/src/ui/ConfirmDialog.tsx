import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";

/**
 * Asks before an action that cannot be undone (withdrawing a request, cancelling an instance).
 * A native modal dialog: focus moves in, Escape closes it, and focus returns to the control
 * that opened it. With `reasonLabel` it offers an optional reason, passed trimmed (or undefined
 * when left empty) to `onConfirm`; a failed `onConfirm` shows its problem and keeps the dialog open.
 */
export const ConfirmDialog = ({
  title,
  text,
  reasonLabel,
  confirmLabel,
  workingLabel,
  keepLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  text?: string;
  reasonLabel?: string;
  confirmLabel: string;
  workingLabel?: string;
  keepLabel: string;
  /** Does the action; the caller closes the dialog (unmounts it) once it succeeded. */
  onConfirm: (reason: string | undefined) => Promise<void>;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    // The opener had the focus; it gets it back when the dialog goes, however it goes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (element && !element.open) element.showModal();
    return () => {
      // No element.close() here: its "close" event would reach onClose after a StrictMode
      // re-run of this effect and dismiss the dialog just shown. Leaving the document ends
      // a modal dialog anyway.
      requestAnimationFrame(() => {
        if (opener?.isConnected) opener.focus();
      });
    };
  }, []);

  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm(reason.trim() === "" ? undefined : reason.trim());
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t("common.unreachable"));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {text === undefined ? null : <p>{text}</p>}
      {reasonLabel === undefined ? null : (
        <div className="field">
          <label htmlFor={reasonId}>{reasonLabel}</label>
          <textarea
            id={reasonId}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      )}
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {keepLabel}
        </button>
        <button type="button" className="button danger" onClick={() => void confirm()} disabled={busy}>
          {busy && workingLabel !== undefined ? workingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
};
