import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { portalApi } from "./portal-api.ts";

/** Asks before withdrawing a request (it ends the work people are doing on it). */
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
  return (
    <ConfirmDialog
      title={t("portal.cancel.title")}
      text={t("portal.cancel.explain", { title })}
      reasonLabel={t("portal.cancel.reason")}
      confirmLabel={t("portal.cancel.confirm")}
      workingLabel={t("portal.cancel.working")}
      keepLabel={t("portal.cancel.keep")}
      onConfirm={async (reason) => {
        await portalApi.cancel(requestId, reason);
        onCancelled();
      }}
      onClose={onClose}
    />
  );
};
