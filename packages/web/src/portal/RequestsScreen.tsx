import { EmptyState } from "../ui/StateViews.tsx";

export const RequestsScreen = (_props: { requestId?: string | undefined }) => (
  <EmptyState title="RequestsScreen" />
);
