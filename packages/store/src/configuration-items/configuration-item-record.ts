/** A configuration item as lookups list it. */
export interface ConfigurationItemRecord {
  id: string;
  name: string;
  ciClass: string;
  status: string;
  ownerGroup: string | null;
}
