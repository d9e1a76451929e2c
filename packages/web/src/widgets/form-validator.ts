import { createAjv } from "@flowdesk/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import type Ajv from "ajv";
import type { ErrorObject } from "ajv";
import localizeZh from "ajv-i18n/localize/zh";
import i18next from "i18next";

/*
 * rjsf validates with core's ajv (createAjv), so the browser applies exactly the server's
 * rules. rjsf constructs its "Ajv class" with `new`; a constructor that returns an object
 * yields that object, so core's configured instance is what rjsf uses. Core already adds
 * the formats, hence ajvFormatOptions: false.
 */
function CoreAjv(): Ajv {
  return createAjv() as unknown as Ajv;
}

/**
 * ajv's messages in the app's language, decided at each validation so switching the
 * language needs no new validator. ajv's own messages are English; zh-CN uses ajv-i18n.
 */
export const localizeFormErrors = (errors?: null | ErrorObject[]): void => {
  const language = (i18next.resolvedLanguage ?? i18next.language ?? "en").toLowerCase();
  if (language.startsWith("zh")) localizeZh(errors);
};

export const formValidator = customizeValidator(
  { AjvClass: CoreAjv as unknown as typeof Ajv, ajvFormatOptions: false },
  localizeFormErrors,
);
