export { exportPack } from "./export-pack.ts";
export { type ImportPackOptions, type ImportPackResult, importPack } from "./import-pack.ts";
export { type LatestPublished, latestPublishedDefinitions } from "./installed-definitions.ts";
