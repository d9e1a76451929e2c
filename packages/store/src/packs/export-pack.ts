import { assemblePack, type PackManifest, type TemplatePack } from "@flowdesk/core";
import type { ServerStore } from "../server-store.ts";
import { latestPublishedDefinitions } from "./installed-definitions.ts";

/** The newest published version of every packable definition, as one pack. */
export async function exportPack(store: ServerStore, manifest: PackManifest): Promise<TemplatePack> {
  const latest = await store.transaction((tx) => latestPublishedDefinitions(tx.sql));
  return assemblePack(
    manifest,
    latest.map((definition) => definition.content),
  );
}
