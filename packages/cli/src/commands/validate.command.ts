import { parseArgs } from "node:util";
import { hasErrors, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import type { CommandContext, CommandResult } from "../command.ts";
import { formatProblemLine, formatSummaryLine } from "../format-problems.ts";
import { loadDefinitionFiles, UnusableInputError } from "../load-definition-files.ts";

export const validateHelp = `Usage: flowdesk validate [--json] <file|dir>...

Validates workflow, form, catalog, SLA policy, directory and pack definitions as one set:
structure, workflow graphs, expressions and cross-references between the files.
Directories are searched recursively for *.json files.

Prints one line per problem as  path:json-pointer: CODE message  then a summary.

Options:
  --json     print {"files": [...], "problems": [...], "summary": {...}} instead
  -h, --help show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 unusable input.`;

export const runValidate = async (args: string[], context: CommandContext): Promise<CommandResult> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return { exitCode: 0, stdout: validateHelp };
  if (positionals.length === 0) {
    return { exitCode: 2, stderr: "flowdesk validate: name at least one file or directory (see --help)" };
  }
  let files: Awaited<ReturnType<typeof loadDefinitionFiles>>;
  try {
    files = await loadDefinitionFiles(positionals, context.cwd);
  } catch (error) {
    if (error instanceof UnusableInputError)
      return { exitCode: 2, stderr: `flowdesk validate: ${error.message}` };
    throw error;
  }
  if (files.length === 0) {
    return { exitCode: 2, stderr: `flowdesk validate: no .json files found in ${positionals.join(", ")}` };
  }
  const problems = validateDefinitionSet(files, { registry: nodeRegistry });
  const exitCode = hasErrors(problems) ? 1 : 0;
  const summary = formatSummaryLine(problems, files.length);
  if (values.json) {
    const errors = problems.filter((problem) => problem.severity === "error").length;
    const report = {
      files: files.map((file) => file.file),
      problems,
      summary: { errors, warnings: problems.length - errors, files: files.length },
    };
    return { exitCode, stdout: JSON.stringify(report, null, 2) };
  }
  return { exitCode, stdout: [...problems.map(formatProblemLine), summary].join("\n") };
};
