// Framework-free form designer model: fields, edits, and the JSON Schema they become.
export * from "./form-edits.ts";
export * from "./form-field.ts";
export * from "./form-history.ts";
export * from "./form-schema.ts";
