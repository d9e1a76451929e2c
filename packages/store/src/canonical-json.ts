/**
 * The store hashes published definitions with core's canonical JSON, so a hash computed
 * in the browser, the CLI or a pack preview equals the one stored with the version.
 */
export { canonicalJson, contentHash } from "@flowdesk/core";
