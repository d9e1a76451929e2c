#!/usr/bin/env node
import { runCli } from "./run-cli.ts";

// pnpm runs scripts from the workspace root; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
if (cwd !== process.cwd()) process.chdir(cwd);

const result = await runCli(process.argv.slice(2), { cwd });
if (result.stdout) process.stdout.write(`${result.stdout}\n`);
if (result.stderr) process.stderr.write(`${result.stderr}\n`);
process.exitCode = result.exitCode;
