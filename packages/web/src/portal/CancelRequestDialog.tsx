import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { portalApi } from "./portal-api.ts";

/**
 * Asks before withdrawing a request (it ends the work people are doing on it). A native
 * modal dialog: focus moves in, Escape closes it, focus returns to the Cancel button.
 */
export const CancelRequestDialog = ({
  requestId,
  title,
  onClose,
  onCancelled,
}: {
  requestId: string;
  title: string;
  onClose: () => void;
  onCancelled: () => void;
}) => {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await portalApi.cancel(requestId, reason.trim() === "" ? undefined : reason.trim());
      onCancelled();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t("common.unreachable"));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="cancel-request-title" onClose={onClose}>
      <h2 id="cancel-request-title" className="dialog__title">
        {t("portal.cancel.title")}
      </h2>
      <p>{t("portal.cancel.explain", { title })}</p>
      <div className="field">
        <label htmlFor={reasonId}>{t("portal.cancel.reason")}</label>
        <textarea
          id={reasonId}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t("portal.cancel.keep")}
        </button>
        <button type="button" className="button danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? t("portal.cancel.working") : t("portal.cancel.confirm")}
        </button>
      </div>
    </dialog>
  );
};
