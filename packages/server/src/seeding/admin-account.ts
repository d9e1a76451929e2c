import { randomBytes, randomUUID } from "node:crypto";
import type { ServerStore } from "@flowdesk/store";
import { hashPassword } from "../security/password-hash.ts";

export interface AdminSeedResult {
  created: boolean;
  /** Set only when the password was generated here: the one time anyone sees it. */
  generatedPassword?: string;
}

/**
 * On first run (no users at all) creates the `admin` account with the password from
 * FLOWDESK_ADMIN_PASSWORD, or a generated one the caller prints once. Later runs
 * change nothing, even when the variable changes.
 */
export async function ensureAdminAccount(
  store: ServerStore,
  input: { password?: string | undefined; now: Date },
): Promise<AdminSeedResult> {
  const existing = await store.transaction((tx) => tx.users.count());
  if (existing > 0) return { created: false };
  const provided = input.password !== undefined && input.password.length > 0 ? input.password : undefined;
  const password = provided ?? randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const at = input.now.toISOString();
  const created = await store.transaction(async (tx) => {
    // Checked again inside the write transaction: a second process starting at the same time creates nobody.
    if ((await tx.users.count()) > 0) return false;
    const id = randomUUID();
    await tx.users.insert({
      id,
      username: "admin",
      displayName: "Administrator",
      email: null,
      passwordHash,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    await tx.users.setRoles(id, ["admin"]);
    await tx.audit.append({
      at,
      actor: null,
      action: "user.created",
      targetType: "user",
      targetId: id,
      ip: null,
      details: { username: "admin", roles: ["admin"], reason: "first run" },
    });
    return true;
  });
  if (!created) return { created: false };
  return provided === undefined ? { created: true, generatedPassword: password } : { created: true };
}
