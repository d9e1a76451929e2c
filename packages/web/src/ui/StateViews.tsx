import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";

/* The loading, empty and error states every screen uses, so they look and read alike. */

export const LoadingState = ({ label }: { label?: string }) => {
  const { t } = useTranslation();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </div>
  );
};

export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="state state--empty">
    <p className="state-title">{title}</p>
    {children}
  </div>
);

/** Says what went wrong in words: the server's sentence when it gave one, else a generic one. */
export const ErrorState = ({ error, onRetry }: { error: Error; onRetry?: () => void }) => {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError
      ? error.status === 403
        ? t("common.forbidden")
        : error.status === 404
          ? t("common.notFound")
          : error.message
      : t("common.unreachable");
  return (
    <div className="state state--error" role="alert">
      <p className="state-title">{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
};

/** A screen the signed-in person's roles do not open: said plainly, with nothing to click but a way back. */
export const ForbiddenState = () => {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <p className="state-title">{t("common.forbiddenScreen")}</p>
      <a href="#/catalog">{t("common.backToCatalog")}</a>
    </div>
  );
};
