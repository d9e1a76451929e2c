/** A message catalog: nested keys, leaves are i18next strings. */
export interface Catalog {
  [key: string]: string | Catalog;
}
