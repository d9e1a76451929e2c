import { EmptyState } from "../ui/StateViews.tsx";

export const InboxScreen = (_props: { taskId?: string | undefined }) => <EmptyState title="InboxScreen" />;
