import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { instanceApi } from "./instance-api.ts";

/** Cancel with a second, explicit step: the open tasks and timers end with the instance. */
export const CancelInstance = ({
  instanceId,
  onCancelled,
}: {
  instanceId: string;
  onCancelled: () => void;
}) => {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const reasonId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  // The confirmation just opened because its button was pressed: its field takes the focus.
  useEffect(() => {
    if (asking) reasonField.current?.focus();
  }, [asking]);

  const close = () => {
    setAsking(false);
    setFailure(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await instanceApi.cancel(instanceId, reason.trim() || undefined);
      setAsking(false);
      onCancelled();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t("common.unreachable"));
    } finally {
      setBusy(false);
    }
  };

  if (!asking)
    return (
      <button type="button" className="button danger" ref={opener} onClick={() => setAsking(true)}>
        {t("instance.cancel.open")}
      </button>
    );
  return (
    <fieldset
      className="cancel-instance"
      onKeyDown={(event) => {
        if (event.key === "Escape") close();
      }}
    >
      <legend className="cancel-instance__question">{t("instance.cancel.question")}</legend>
      <div className="field">
        <label htmlFor={reasonId}>{t("instance.cancel.reason")}</label>
        <input
          id={reasonId}
          ref={reasonField}
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="cancel-instance__buttons">
        <button type="button" className="button danger" disabled={busy} onClick={confirm}>
          {t("instance.cancel.confirm")}
        </button>
        <button type="button" className="button" onClick={close}>
          {t("instance.cancel.keep")}
        </button>
      </div>
    </fieldset>
  );
};
