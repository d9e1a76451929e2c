import { EmptyState } from "../ui/StateViews.tsx";

export const LiveWorkflowScreen = (_props: { workflowId: string }) => (
  <EmptyState title="LiveWorkflowScreen" />
);
