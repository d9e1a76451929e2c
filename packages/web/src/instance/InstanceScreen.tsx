import { EmptyState } from "../ui/StateViews.tsx";

export const InstanceScreen = (_props: { instanceId: string }) => <EmptyState title="InstanceScreen" />;
