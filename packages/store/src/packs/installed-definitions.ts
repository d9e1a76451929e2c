import { type InstalledDefinition, isPackableKind } from "@flowdesk/core";
import { fromJson, toNumber } from "../connection/row-mapping.ts";
import type { SqlExecutor } from "../connection/sql-executor.ts";

export interface LatestPublished extends InstalledDefinition {
  version: number;
  content: unknown;
}

/** The newest published version of every definition a pack can carry, by kind then id. */
export const latestPublishedDefinitions = async (sql: SqlExecutor): Promise<LatestPublished[]> => {
  const rows = await sql.all(
    `SELECT v.definition_id, v.kind, v.version, v.content, v.content_hash FROM definition_versions v
     WHERE v.version = (SELECT MAX(w.version) FROM definition_versions w WHERE w.definition_id = v.definition_id)
     ORDER BY v.kind, v.definition_id`,
  );
  return rows
    .map((row) => ({
      id: String(row.definition_id),
      kind: String(row.kind),
      version: toNumber(row.version),
      content: fromJson(row.content),
      latestContentHash: String(row.content_hash),
    }))
    .filter((definition) => isPackableKind(definition.kind));
};
