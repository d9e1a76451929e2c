import { toNumber } from "../connection/row-mapping.ts";
import type { SqlExecutor } from "../connection/sql-executor.ts";

/** Where the global history sequence stands: live events that are not history carry it. */
export const historyPositionRepository = (sql: SqlExecutor) => ({
  async latest(): Promise<number> {
    const [row] = await sql.all("SELECT COALESCE(MAX(seq), 0) AS seq FROM history");
    return toNumber(row?.seq ?? 0);
  },
});
