import type { RJSFValidationError } from "@rjsf/utils";

/*
 * What the requester sees while typing. rjsf names a field's input `root_<path joined by _>`;
 * its errors carry the path as `.a.b`, or `a` for a required property at the top. Only
 * fields the requester touched speak up before they try to submit. ajv's words for an
 * empty required field ("must have required property 'X'", "must NOT have fewer than 1
 * characters") become one plain sentence.
 */

export const fieldIdOfProperty = (property: string | undefined): string => {
  const parts = (property ?? "").split(".").filter(Boolean);
  return ["root", ...parts].join("_");
};

const isEmptyRequired = (error: RJSFValidationError): boolean =>
  error.name === "required" ||
  (error.name === "minLength" && (error.params as { limit?: number } | undefined)?.limit === 1);

export const requesterErrors = (
  errors: readonly RJSFValidationError[],
  options: { touched: ReadonlySet<string>; submitTried: boolean; requiredMessage: string },
): RJSFValidationError[] =>
  errors
    .filter((error) => options.submitTried || options.touched.has(fieldIdOfProperty(error.property)))
    .map((error) => (isEmptyRequired(error) ? { ...error, message: options.requiredMessage } : error));
