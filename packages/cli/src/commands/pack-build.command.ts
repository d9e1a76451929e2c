import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { assemblePack, checkPack, hasErrors, packDefinitions, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import type { CommandContext, CommandResult } from "../command.ts";
import { formatProblemLine, formatSummaryLine } from "../format-problems.ts";
import { loadDefinitionFiles, UnusableInputError } from "../load-definition-files.ts";

export const packBuildHelp = `Usage: flowdesk pack build [--out FILE] [--id ID --version SEMVER] [--title TEXT] [dir|file...]

Validates the definitions as one set (default: workflows forms) and writes them as one
template pack: a manifest plus the workflows, forms, catalog items and categories, SLA
policies and directories. Nothing is written while any definition has an error; every
problem is listed as  path:json-pointer: CODE message.

Options:
  --out FILE        write the pack to FILE (default: print it)
  --id ID           pack id (default flowdesk-pack)
  --version SEMVER  pack version, e.g. 1.2.0 (default 1.0.0)
  --title TEXT      pack title (default: the id)
  -h, --help        show this help

Exit status: 0 built, 1 the definitions have errors, 2 unusable input.`;

const SLUG = /^[a-z][a-z0-9-]*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

const usage = (message: string): CommandResult => ({
  exitCode: 2,
  stderr: `flowdesk pack build: ${message}`,
});

export const runPackBuild = async (args: string[], context: CommandContext): Promise<CommandResult> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      id: { type: "string" },
      version: { type: "string" },
      title: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { exitCode: 0, stdout: packBuildHelp };
  const id = values.id ?? "flowdesk-pack";
  const version = values.version ?? "1.0.0";
  if (!SLUG.test(id))
    return usage(`--id "${id}" must be lower-case letters, digits and dashes, starting with a letter`);
  if (!SEMVER.test(version)) return usage(`--version "${version}" must be a semantic version such as 1.2.0`);
  const paths = positionals.length > 0 ? positionals : ["workflows", "forms"];
  let files: Awaited<ReturnType<typeof loadDefinitionFiles>>;
  try {
    files = await loadDefinitionFiles(paths, context.cwd);
  } catch (error) {
    if (error instanceof UnusableInputError) return usage(error.message);
    throw error;
  }
  const definitions = files.filter((file) => (file.document as { kind?: unknown } | null)?.kind !== "pack");
  if (definitions.length === 0) return usage(`no definitions found in ${paths.join(", ")}`);
  const problems = validateDefinitionSet(definitions, { registry: nodeRegistry });
  if (hasErrors(problems)) {
    return {
      exitCode: 1,
      stdout: [...problems.map(formatProblemLine), formatSummaryLine(problems, definitions.length)].join(
        "\n",
      ),
      stderr: "flowdesk pack build: refused; fix the errors above, nothing was written",
    };
  }
  const pack = assemblePack(
    { id, version, title: values.title ?? id },
    definitions.map((file) => file.document),
  );
  const check = checkPack(pack, { registry: nodeRegistry });
  if (check.pack === undefined) {
    return { exitCode: 1, stdout: check.problems.map(formatProblemLine).join("\n") };
  }
  const text = `${JSON.stringify(pack, null, 2)}\n`;
  const warnings = problems.map(formatProblemLine);
  if (values.out === undefined)
    return {
      exitCode: 0,
      stdout: text.trimEnd(),
      ...(warnings.length > 0 ? { stderr: warnings.join("\n") } : {}),
    };
  await writeFile(resolve(context.cwd, values.out), text, "utf8");
  const count = packDefinitions(pack).length;
  return {
    exitCode: 0,
    stdout: [
      ...warnings,
      `Built pack ${id} ${version}: ${count} definitions from ${definitions.length} files -> ${values.out}`,
    ].join("\n"),
  };
};
