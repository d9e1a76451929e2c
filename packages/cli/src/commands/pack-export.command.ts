import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { packDefinitions } from "@flowdesk/core";
import { exportPack } from "@flowdesk/store";
import type { CommandContext, CommandResult } from "../command.ts";
import { packUsage, storeOptions, storeOptionsHelp, withPackStore } from "./pack-store-options.ts";

export const packExportHelp = `Usage: flowdesk pack export [--out FILE] [--id ID --version SEMVER] [--title TEXT] [--data-dir DIR | --database-url URL]

Writes the newest published version of every workflow, form, catalog item and category,
SLA policy and directory of an installation as one template pack.

Options:
  --out FILE           write the pack to FILE (default: print it)
  --id ID              pack id (default flowdesk-export)
  --version SEMVER     pack version (default 1.0.0)
  --title TEXT         pack title (default: the id)
${storeOptionsHelp}
  -h, --help           show this help

Exit status: 0 exported, 2 unusable input.`;

const SLUG = /^[a-z][a-z0-9-]*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

const usage = (message: string): CommandResult => packUsage("export", message);

export const runPackExport = async (args: string[], context: CommandContext): Promise<CommandResult> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...storeOptions,
      out: { type: "string" },
      id: { type: "string" },
      version: { type: "string" },
      title: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { exitCode: 0, stdout: packExportHelp };
  if (positionals.length > 0) return usage(`unexpected argument ${positionals[0]} (see --help)`);
  const id = values.id ?? "flowdesk-export";
  const version = values.version ?? "1.0.0";
  if (!SLUG.test(id))
    return usage(`--id "${id}" must be lower-case letters, digits and dashes, starting with a letter`);
  if (!SEMVER.test(version)) return usage(`--version "${version}" must be a semantic version such as 1.2.0`);
  return withPackStore("export", values, context.cwd, async (store) => {
    const pack = await exportPack(store, { id, version, title: values.title ?? id });
    const text = `${JSON.stringify(pack, null, 2)}\n`;
    if (values.out === undefined) return { exitCode: 0, stdout: text.trimEnd() };
    await writeFile(resolve(context.cwd, values.out), text, "utf8");
    return {
      exitCode: 0,
      stdout: `Exported pack ${id} ${version}: ${packDefinitions(pack).length} definitions -> ${values.out}`,
    };
  });
};
