import { type Static, Type } from "@sinclair/typebox";
import { Strict } from "./common.api.ts";

/** One problem, as validators report them (definition checks, form data, request bodies). */
export const ProblemItem = Strict({
  code: Type.String(),
  severity: Type.Union([Type.Literal("error"), Type.Literal("warning")]),
  pointer: Type.String(),
  message: Type.String(),
  file: Type.Optional(Type.String()),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description:
        "The variable parts of the message (node ids, names, suggestions), for clients that translate it by code.",
    }),
  ),
});
export type ProblemItem = Static<typeof ProblemItem>;

/** RFC 9457 problem details: the body of every 4xx and 5xx answer. */
export const ProblemBody = Strict({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  problems: Type.Optional(Type.Array(ProblemItem)),
});
export type ProblemBody = Static<typeof ProblemBody>;

/** An answer that is a list of problems (checking a definition). */
export const ProblemList = Strict({ problems: Type.Array(ProblemItem) });
export type ProblemList = Static<typeof ProblemList>;
