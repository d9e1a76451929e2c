/**
 * A message a designer shows in its toolbar after saving, publishing or importing. (Loading a
 * draft is designer/use-working-copy.ts; this file keeps only the type the designers share.)
 */
export type Notice = { tone: "info" | "success" | "error"; text: string };
