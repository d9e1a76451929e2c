import type { Command } from "./command.ts";
import { packHelp, runPack } from "./commands/pack.command.ts";
import { runValidate, validateHelp } from "./commands/validate.command.ts";

/** Every command of the `flowdesk` CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  {
    name: "validate",
    summary: "check definitions (structure, graphs, expressions, references)",
    help: validateHelp,
    run: runValidate,
  },
  {
    name: "pack",
    summary: "build, import (with a preview) and export template packs",
    help: packHelp,
    run: runPack,
  },
];
