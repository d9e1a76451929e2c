import { createAjv } from "@flowdesk/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import type Ajv from "ajv";

/*
 * rjsf validates with core's ajv (createAjv), so the browser applies exactly the server's
 * rules. rjsf constructs its "Ajv class" with `new`; a constructor that returns an object
 * yields that object, so core's configured instance is what rjsf uses. Core already adds
 * the formats, hence ajvFormatOptions: false.
 */
function CoreAjv(): Ajv {
  return createAjv() as unknown as Ajv;
}

export const formValidator = customizeValidator({
  AjvClass: CoreAjv as unknown as typeof Ajv,
  ajvFormatOptions: false,
});
