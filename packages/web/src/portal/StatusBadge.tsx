import { useTranslation } from "react-i18next";
import type { RequestStatus } from "./portal-api.ts";

/** A request's state in words and colour (colour is never the only signal). */
export const StatusBadge = ({ status }: { status: RequestStatus }) => {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${status}`}>{t(`portal.status.${status}`)}</span>;
};
