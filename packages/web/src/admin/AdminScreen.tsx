import { EmptyState } from "../ui/StateViews.tsx";

export const AdminScreen = (_props: { section?: string | undefined }) => <EmptyState title="AdminScreen" />;
