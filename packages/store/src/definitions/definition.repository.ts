import type { DefinitionDraft, DefinitionRepository, PublishedDefinition } from "@flowdesk/engine";
import { contentHash } from "../canonical-json.ts";
import { fromJson, toJson, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

const toPublished = (row: SqlRow): PublishedDefinition => ({
  definitionId: String(row.definition_id),
  version: toNumber(row.version),
  kind: String(row.kind),
  content: fromJson(row.content),
  contentHash: String(row.content_hash),
  publishedAt: String(row.published_at),
  publishedBy: toStringOrNull(row.published_by),
});

export const definitionRepository = (sql: SqlExecutor): DefinitionRepository => ({
  async saveDraft(draft: DefinitionDraft) {
    await sql.run(
      `INSERT INTO definition_drafts (definition_id, kind, content, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (definition_id) DO UPDATE SET kind = excluded.kind, content = excluded.content,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [draft.definitionId, draft.kind, toJson(draft.content), draft.updatedBy, draft.updatedAt],
    );
  },

  async getDraft(definitionId) {
    const [row] = await sql.all("SELECT * FROM definition_drafts WHERE definition_id = ?", [definitionId]);
    if (row === undefined) return undefined;
    return {
      definitionId: String(row.definition_id),
      kind: String(row.kind),
      content: fromJson(row.content),
      updatedAt: String(row.updated_at),
      updatedBy: toStringOrNull(row.updated_by),
    };
  },

  async publish(input) {
    const hash = contentHash(input.content);
    const latest = await this.latestPublished(input.definitionId);
    // Publishing unchanged content is a no-op: the newest version already is this content.
    if (latest !== undefined && latest.contentHash === hash) return latest;
    const version = (latest?.version ?? 0) + 1;
    const [row] = await sql.all(
      `INSERT INTO definition_versions (definition_id, version, kind, content, content_hash, published_by, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [
        input.definitionId,
        version,
        input.kind,
        toJson(input.content),
        hash,
        input.publishedBy ?? null,
        input.publishedAt,
      ],
    );
    return toPublished(row as SqlRow);
  },

  async latestPublished(definitionId) {
    const [row] = await sql.all(
      "SELECT * FROM definition_versions WHERE definition_id = ? ORDER BY version DESC LIMIT 1",
      [definitionId],
    );
    return row === undefined ? undefined : toPublished(row);
  },

  async latestVersion(definitionId) {
    const [row] = await sql.all(
      "SELECT version, content_hash FROM definition_versions WHERE definition_id = ? ORDER BY version DESC LIMIT 1",
      [definitionId],
    );
    return row === undefined
      ? undefined
      : { version: toNumber(row.version), contentHash: String(row.content_hash) };
  },

  async getVersion(definitionId, version) {
    const [row] = await sql.all("SELECT * FROM definition_versions WHERE definition_id = ? AND version = ?", [
      definitionId,
      version,
    ]);
    return row === undefined ? undefined : toPublished(row);
  },

  async listVersions(definitionId) {
    const rows = await sql.all("SELECT * FROM definition_versions WHERE definition_id = ? ORDER BY version", [
      definitionId,
    ]);
    return rows.map(toPublished);
  },
});
