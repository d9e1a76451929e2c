import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { PackImportPreview } from "@flowdesk/core";
import { importPack } from "@flowdesk/store";
import type { CommandContext, CommandResult } from "../command.ts";
import { formatProblemLine } from "../format-problems.ts";
import { packUsage, storeOptions, storeOptionsHelp, withPackStore } from "./pack-store-options.ts";

export const packImportHelp = `Usage: flowdesk pack import <file> [--dry-run] [--by USER] [--data-dir DIR | --database-url URL]

Shows what importing a template pack changes, definition by definition (added, changed =
a new version is published, unchanged), then applies it in one transaction. A pack with
any problem is refused whole and nothing changes; running requests keep the versions
they started on.

Options:
  --dry-run            show the preview only; change nothing
  --by USER            who imports (recorded on the new versions and in the audit log)
${storeOptionsHelp}
  -h, --help           show this help

Exit status: 0 imported (or previewed), 1 the pack was refused, 2 unusable input.`;

/** The preview as the admin screen shows it: one line per definition, then the totals. */
export const formatPreview = (preview: PackImportPreview): string[] => {
  const kindWidth = Math.max(4, ...preview.entries.map((entry) => entry.kind.length));
  const idWidth = Math.max(2, ...preview.entries.map((entry) => entry.id.length));
  return [
    `Pack ${preview.pack.id} ${preview.pack.version}: ${preview.pack.title}`,
    ...preview.entries.map(
      (entry) =>
        `  ${entry.change.padEnd(9)}  ${entry.kind.padEnd(kindWidth)}  ${entry.id.padEnd(idWidth)}  ${entry.title}`,
    ),
    `${preview.summary.added} added, ${preview.summary.changed} changed, ${preview.summary.unchanged} unchanged`,
  ];
};

const usage = (message: string): CommandResult => packUsage("import", message);

export const runPackImport = async (args: string[], context: CommandContext): Promise<CommandResult> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...storeOptions,
      "dry-run": { type: "boolean" },
      by: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { exitCode: 0, stdout: packImportHelp };
  const [file, ...extra] = positionals;
  if (file === undefined) return usage("name the pack file to import (see --help)");
  if (extra.length > 0) return usage(`import one pack at a time (also got ${extra.join(", ")})`);
  let text: string;
  try {
    text = await readFile(resolve(context.cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return usage(
      code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? "error"})`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return usage(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return withPackStore("import", values, context.cwd, async (store) => {
    const dryRun = values["dry-run"] === true;
    const result = await importPack(store, document, {
      dryRun,
      file,
      ...(values.by === undefined ? {} : { by: values.by }),
    });
    const preview = result.preview === undefined ? [] : formatPreview(result.preview);
    if (result.problems.length > 0) {
      return {
        exitCode: 1,
        stdout: [...preview, ...result.problems.map(formatProblemLine)].join("\n"),
        stderr: `flowdesk pack import: refused (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}); nothing was changed`,
      };
    }
    const outcome = dryRun
      ? "Dry run: nothing was changed."
      : `Imported: ${result.published.length} new version${result.published.length === 1 ? "" : "s"} published.`;
    return { exitCode: 0, stdout: [...preview, outcome].join("\n") };
  });
};
