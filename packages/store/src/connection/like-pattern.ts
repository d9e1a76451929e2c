/** A LIKE pattern (with ESCAPE '\\') that finds `text` anywhere, case-insensitively, wildcards in it taken literally. */
export const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
