import type { FormDefinition } from "@flowdesk/core";
import type { RegistryWidgetsType, RJSFSchema } from "@rjsf/utils";
import type { TFunction } from "i18next";
import { formValidator } from "./form-validator.ts";
import { flowdeskWidgets } from "./rjsf-widgets.tsx";
import { rjsfTranslator } from "./translate-rjsf.ts";

/**
 * The rjsf props every published form shares wherever it is filled in (portal request, inbox
 * task, designer preview): its schema, the app's widgets, core's ajv rules (the server's own),
 * translated messages, and problems beside their fields instead of in a list. Spread into `<Form>`.
 */
export const formSetup = (
  definition: FormDefinition,
  t: TFunction,
  widgets: RegistryWidgetsType = flowdeskWidgets,
) => ({
  schema: definition.schema as RJSFSchema,
  validator: formValidator,
  widgets,
  translateString: rjsfTranslator(t),
  showErrorList: false as const,
});
