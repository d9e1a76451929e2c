import type { DocumentCommand } from "../../designer/model/command-stack.ts";
import type { FormModel } from "./form-field.ts";

/** Names of form designer edits, dotted `noun.verb` like the workflow designer's. */
export type FormCommandName =
  | "field.add"
  | "field.remove"
  | "field.move"
  | "field.update"
  | "form.rename"
  | "form.replace";

/** One form designer edit, on the same CommandStack as the workflow designer's. */
export type FormCommand = DocumentCommand<FormModel, FormCommandName>;
