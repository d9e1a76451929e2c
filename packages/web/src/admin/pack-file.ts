/* Reading a pack file the admin picked or dropped, before the server checks it whole. */

export type PackFileReading =
  | { ok: true; pack: Record<string, unknown> }
  | { ok: false; reason: "notJson" | "notPack" | "empty" };

/**
 * Only what the browser can say plainly is decided here: the text is JSON and looks like a
 * pack. Everything else (schema version, definitions, references) is the server's check.
 */
export const readPackText = (text: string): PackFileReading => {
  if (text.trim() === "") return { ok: false, reason: "empty" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: "notJson" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: "notPack" };
  }
  const document = parsed as Record<string, unknown>;
  if (document.kind !== "pack") return { ok: false, reason: "notPack" };
  return { ok: true, pack: document };
};

/** The server accepts pack bodies up to 5 MB; a larger file is refused here with a sentence. */
export const PACK_FILE_LIMIT = 5 * 1024 * 1024;
