import * as core from "@flowdesk/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import type Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";

/*
 * rjsf validates with the same ajv rules as the server: core's createAjv() when core
 * exports it. rjsf constructs its "Ajv class" with `new`, and a constructor that returns
 * an object yields that object, so core's configured instance is what rjsf uses.
 */
const createAjv = (core as unknown as Record<string, unknown>).createAjv as
  | ((...args: unknown[]) => Ajv)
  | undefined;

function CoreAjv(this: unknown, options: Record<string, unknown>): Ajv {
  if (createAjv) return createAjv({ allErrors: true, ...options });
  return new Ajv2020({ ...options, strict: false });
}

export const formValidator = customizeValidator({
  AjvClass: CoreAjv as unknown as typeof Ajv,
});
