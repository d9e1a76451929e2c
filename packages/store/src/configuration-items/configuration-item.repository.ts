import { likePattern } from "../connection/like-pattern.ts";
import { toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import type { ConfigurationItemRecord } from "./configuration-item-record.ts";

const toItem = (row: SqlRow): ConfigurationItemRecord => ({
  id: String(row.id),
  name: String(row.name),
  ciClass: String(row.ci_class),
  status: String(row.status),
  ownerGroup: toStringOrNull(row.owner_group),
});

export const configurationItemRepository = (sql: SqlExecutor) => ({
  /** Items whose name or id contains the text, optionally of one class or owned by one group. */
  async search(
    text: string,
    filter: { ciClass?: string; ownerGroup?: string },
    limit: number,
  ): Promise<ConfigurationItemRecord[]> {
    const pattern = likePattern(text);
    const conditions = ["(LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(id) LIKE ? ESCAPE '\\')"];
    const params: unknown[] = [pattern, pattern];
    if (filter.ciClass !== undefined) {
      conditions.push("ci_class = ?");
      params.push(filter.ciClass);
    }
    if (filter.ownerGroup !== undefined) {
      conditions.push("owner_group = ?");
      params.push(filter.ownerGroup);
    }
    const rows = await sql.all(
      `SELECT * FROM configuration_items WHERE ${conditions.join(" AND ")} ORDER BY name LIMIT ?`,
      [...params, limit],
    );
    return rows.map(toItem);
  },
});

export type ConfigurationItemRepository = ReturnType<typeof configurationItemRepository>;
