import { fromJson, toNumber } from "../connection/row-mapping.ts";
import type { SqlExecutor } from "../connection/sql-executor.ts";
import type { DefinitionSummary } from "./definition-summary.ts";

const titleOf = (content: unknown, fallback: string): string => {
  const title = (content as { title?: unknown } | null)?.title;
  return typeof title === "string" ? title : fallback;
};

/**
 * Lists of definitions for the designer's and the catalog's screens: one line per id,
 * merged from its draft and its newest published version.
 */
export const definitionSummaryRepository = (sql: SqlExecutor) => ({
  async listByKind(kind: string): Promise<DefinitionSummary[]> {
    const byId = new Map<string, DefinitionSummary>();
    const latest = await sql.all(
      `SELECT v.definition_id, v.version, v.content, v.published_at FROM definition_versions v
       WHERE v.kind = ? AND v.version = (SELECT MAX(w.version) FROM definition_versions w WHERE w.definition_id = v.definition_id)`,
      [kind],
    );
    for (const row of latest) {
      const id = String(row.definition_id);
      byId.set(id, {
        id,
        kind,
        title: titleOf(fromJson(row.content), id),
        latestVersion: toNumber(row.version),
        hasDraft: false,
        updatedAt: String(row.published_at),
      });
    }
    const drafts = await sql.all(
      "SELECT definition_id, content, updated_at FROM definition_drafts WHERE kind = ?",
      [kind],
    );
    for (const row of drafts) {
      const id = String(row.definition_id);
      const published = byId.get(id);
      const updatedAt = String(row.updated_at);
      byId.set(id, {
        id,
        kind,
        title: titleOf(fromJson(row.content), published?.title ?? id),
        latestVersion: published?.latestVersion ?? null,
        hasDraft: true,
        updatedAt:
          published !== undefined && published.updatedAt > updatedAt ? published.updatedAt : updatedAt,
      });
    }
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  },

  /** The newest published content of every definition of a kind (catalog items, categories). */
  async latestContentByKind(kind: string): Promise<{ id: string; version: number; content: unknown }[]> {
    const rows = await sql.all(
      `SELECT v.definition_id, v.version, v.content FROM definition_versions v
       WHERE v.kind = ? AND v.version = (SELECT MAX(w.version) FROM definition_versions w WHERE w.definition_id = v.definition_id)
       ORDER BY v.definition_id`,
      [kind],
    );
    return rows.map((row) => ({
      id: String(row.definition_id),
      version: toNumber(row.version),
      content: fromJson(row.content),
    }));
  },

  /** The kind an id is stored under (draft or published), so one id never serves two kinds. */
  async kindOf(definitionId: string): Promise<string | undefined> {
    const [row] = await sql.all(
      `SELECT kind FROM definition_versions WHERE definition_id = ?
       UNION SELECT kind FROM definition_drafts WHERE definition_id = ?`,
      [definitionId, definitionId],
    );
    return row === undefined ? undefined : String(row.kind);
  },
});

export type DefinitionSummaryRepository = ReturnType<typeof definitionSummaryRepository>;
