// Framework-free form designer model: fields, edits as commands, and the JSON Schema they become.
export { CommandStack, type DocumentCommand } from "../../designer/model/command-stack.ts";
export * from "./form-command.ts";
export * from "./form-commands.ts";
export * from "./form-edits.ts";
export * from "./form-field.ts";
export * from "./form-schema.ts";
