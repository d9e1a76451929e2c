import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
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
  return (
    <>
      <button type="button" className="button danger" onClick={() => setAsking(true)}>
        {t("instance.cancel.open")}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t("instance.cancel.open")}
          text={t("instance.cancel.question")}
          reasonLabel={t("instance.cancel.reason")}
          confirmLabel={t("instance.cancel.confirm")}
          keepLabel={t("instance.cancel.keep")}
          onConfirm={async (reason) => {
            await instanceApi.cancel(instanceId, reason);
            setAsking(false);
            onCancelled();
          }}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
};
