import type { ServerStore } from "@flowdesk/store";
import type { Logger } from "../api/api-context.ts";
import { ensureAdminAccount } from "./admin-account.ts";
import { importStarterPack } from "./starter-pack.ts";

/** Start-up seeding: the admin account on an empty database, then the starter pack (idempotent). */
export async function seedOnStart(
  store: ServerStore,
  input: {
    adminPassword?: string | undefined;
    packRoot: string;
    now: Date;
    log: Logger;
    print: (line: string) => void;
  },
): Promise<void> {
  const admin = await ensureAdminAccount(store, { password: input.adminPassword, now: input.now });
  if (admin.created && admin.generatedPassword !== undefined) {
    input.print("");
    input.print("=".repeat(72));
    input.print(" Flowdesk created the admin account. It is shown this once only:");
    input.print(`   user name: admin`);
    input.print(`   password:  ${admin.generatedPassword}`);
    input.print(
      " Sign in and keep it somewhere safe (or set FLOWDESK_ADMIN_PASSWORD before the first start).",
    );
    input.print("=".repeat(72));
    input.print("");
  } else if (admin.created) {
    input.log.info("Created the admin account with the password from FLOWDESK_ADMIN_PASSWORD.");
    if ((input.adminPassword ?? "").length < 12) {
      input.log.error(
        "FLOWDESK_ADMIN_PASSWORD is shorter than 12 characters: change the admin password after signing in.",
      );
    }
  }

  const pack = await importStarterPack(store, { root: input.packRoot, now: input.now });
  const errors = pack.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    input.log.error(`Starter pack not imported: ${errors.length} error(s) in ${input.packRoot}:`);
    for (const problem of errors.slice(0, 20)) {
      input.log.error(`  ${problem.file ?? ""}:${problem.pointer} ${problem.code} ${problem.message}`);
    }
    return;
  }
  if (pack.imported.length > 0)
    input.log.info(`Starter pack: imported ${pack.imported.length}: ${pack.imported.join(", ")}`);
  if (pack.kept.length > 0) {
    input.log.info(
      `Starter pack: kept ${pack.kept.length} installed definition(s) that differ: ${pack.kept.join(", ")}`,
    );
  }
  if (pack.conflicts.length > 0) {
    input.log.error(
      `Starter pack: skipped ${pack.conflicts.length} definition(s) whose id another kind uses: ${pack.conflicts.join(", ")}`,
    );
  }
  if (pack.imported.length === 0)
    input.log.info(`Starter pack: nothing new to import (${pack.unchanged.length} unchanged).`);
}
