import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import { toStringOrNull } from "../repositories/row-mapping.ts";
import type { ConfigurationItemRecord } from "./account-records.ts";
import { likePattern } from "./user.repository.ts";

const toItem = (row: SqlRow): ConfigurationItemRecord => ({
  id: String(row.id),
  name: String(row.name),
  ciClass: String(row.ci_class),
  status: String(row.status),
  ownerGroup: toStringOrNull(row.owner_group),
});

export const configurationItemRepository = (sql: SqlExecutor) => ({
  async search(
    text: string,
    filter: { ciClass?: string },
    limit: number,
  ): Promise<ConfigurationItemRecord[]> {
    const pattern = likePattern(text);
    const byClass = filter.ciClass === undefined ? "" : " AND ci_class = ?";
    const rows = await sql.all(
      `SELECT * FROM configuration_items WHERE (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(id) LIKE ? ESCAPE '\\')${byClass}
       ORDER BY name LIMIT ?`,
      filter.ciClass === undefined ? [pattern, pattern, limit] : [pattern, pattern, filter.ciClass, limit],
    );
    return rows.map(toItem);
  },
});

export type ConfigurationItemRepository = ReturnType<typeof configurationItemRepository>;
