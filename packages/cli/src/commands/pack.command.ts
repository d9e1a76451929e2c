import type { CommandContext, CommandResult } from "../command.ts";
import { packBuildHelp, runPackBuild } from "./pack-build.command.ts";
import { packExportHelp, runPackExport } from "./pack-export.command.ts";
import { packImportHelp, runPackImport } from "./pack-import.command.ts";

export const packHelp = `Usage: flowdesk pack <build|import|export> [options]

Template packs move workflows, forms, catalog items, SLA policies and directories
between installations as one JSON file.

  build   validate definition files and write them as a pack
  import  preview a pack's changes, then apply them all or nothing
  export  write an installation's newest published definitions as a pack

Run \`flowdesk pack <subcommand> --help\` for its options.`;

const subcommands: Record<string, (args: string[], context: CommandContext) => Promise<CommandResult>> = {
  build: runPackBuild,
  import: runPackImport,
  export: runPackExport,
};

/** Help texts by subcommand, for documentation and tests. */
export const packSubcommandHelp = { build: packBuildHelp, import: packImportHelp, export: packExportHelp };

export const runPack = async (args: string[], context: CommandContext): Promise<CommandResult> => {
  const [name, ...rest] = args;
  if (name === "--help" || name === "-h") return { exitCode: 0, stdout: packHelp };
  if (name === undefined)
    return { exitCode: 2, stderr: "flowdesk pack: name a subcommand: build, import or export (see --help)" };
  const run = subcommands[name];
  if (run === undefined) {
    return {
      exitCode: 2,
      stderr: `flowdesk pack: unknown subcommand "${name}"; use build, import or export`,
    };
  }
  return run(rest, context);
};
