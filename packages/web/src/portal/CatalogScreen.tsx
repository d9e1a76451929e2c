import { CatalogHome } from "./CatalogHome.tsx";
import { CatalogItemPage } from "./CatalogItemPage.tsx";

/** #/catalog: the catalog's categories and search; #/catalog/:itemId: one item and its form. */
export const CatalogScreen = ({ itemId }: { itemId?: string | undefined }) =>
  itemId === undefined ? <CatalogHome /> : <CatalogItemPage key={itemId} itemId={itemId} />;
