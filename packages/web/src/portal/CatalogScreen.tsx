import { EmptyState } from "../ui/StateViews.tsx";

export const CatalogScreen = (_props: { itemId?: string | undefined }) => (
  <EmptyState title="CatalogScreen" />
);
