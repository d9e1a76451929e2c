import { type Static, Type } from "@sinclair/typebox";
import { CountedPage, Nullable, PAGING, Strict } from "./common.api.ts";

/** One audit log line: who did what to which record, when and from where. */
export const AuditEntryView = Strict({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Nullable(Type.String()),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Unknown(),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditPage = CountedPage(AuditEntryView);
export type AuditPage = Static<typeof AuditPage>;

export const AuditQuery = Strict({
  ...PAGING,
  actor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: "User name of who acted, exactly." }),
  ),
  action: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The action or its start: "user." finds every user change.',
    }),
  ),
  from: Type.Optional(Type.String({ format: "date-time", description: "Entries at or after this instant." })),
  to: Type.Optional(Type.String({ format: "date-time", description: "Entries before this instant." })),
});
export type AuditQuery = Static<typeof AuditQuery>;
