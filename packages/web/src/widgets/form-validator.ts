import type { ErrorObject } from "ajv";
import localizeZh from "ajv-i18n/localize/zh";
import i18next from "i18next";
import { CoreFormValidator } from "./core-form-validator.ts";

/**
 * ajv's messages in the app's language, decided at each validation so switching the
 * language needs no new validator. ajv's own messages are English; zh-CN uses ajv-i18n.
 */
export const localizeFormErrors = (errors?: null | ErrorObject[]): void => {
  const language = (i18next.resolvedLanguage ?? i18next.language ?? "en").toLowerCase();
  if (language.startsWith("zh")) localizeZh(errors);
};

/** The validator of every rjsf form in the app: core's form-data check, the server's. */
export const formValidator = new CoreFormValidator(localizeFormErrors);
