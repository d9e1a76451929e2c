import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { type LivePayload, useLiveRefresh, useLiveRoom } from "../live/live-context.tsx";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { LiveWorkflowView } from "./LiveWorkflowView.tsx";
import { liveApi } from "./live-api.ts";

/**
 * A workflow's running instances, live: the newest published version with a count on every
 * step where instances wait, the list of running instances, and one chosen instance's path.
 */
export const LiveWorkflowScreen = ({ workflowId }: { workflowId: string }) => {
  const { t } = useTranslation();
  const newest = useResource((_signal) => liveApi.newestVersion(workflowId), workflowId);
  const live = useResource((signal) => liveApi.positions(workflowId, signal), workflowId);
  const [refreshedAt, setRefreshedAt] = useState<number>();
  const reloadLive = useCallback(() => {
    live.reload();
    setRefreshedAt(Date.now());
  }, [live.reload]);
  useLiveRoom({ definitionId: workflowId });
  useLiveRefresh(
    "instance.updated",
    reloadLive,
    useCallback(
      (payload: LivePayload<"instance.updated">) => payload.definitionId === workflowId,
      [workflowId],
    ),
  );
  useLiveRefresh(
    "definition.published",
    newest.reload,
    useCallback(
      (payload: LivePayload<"definition.published">) => payload.definitionId === workflowId,
      [workflowId],
    ),
  );

  if (newest.status === "loading") return <LoadingState />;
  if (newest.status === "error") return <ErrorState error={newest.error} onRetry={newest.reload} />;
  if (newest.data === undefined)
    return (
      <div className="live-screen">
        <h1>{t("overlay.title", { title: workflowId })}</h1>
        <EmptyState title={t("overlay.neverPublished")}>
          <a href={`#/workflows/${encodeURIComponent(workflowId)}`}>{t("overlay.openDesigner")}</a>
        </EmptyState>
      </div>
    );
  if (live.status === "loading") return <LoadingState />;
  if (live.status === "error" && live.data === undefined)
    return <ErrorState error={live.error} onRetry={live.reload} />;
  return (
    <LiveWorkflowView
      workflowId={workflowId}
      newest={newest.data}
      positions={live.data as NonNullable<typeof live.data>}
      refreshedAt={refreshedAt}
    />
  );
};
