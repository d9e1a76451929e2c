import type { NodeDescriptor } from "@flowdesk/core";
import type { i18n as I18n } from "i18next";
import { type LocalisedSchemas, localiseDescriptor } from "./node-props-keys.ts";

/** Per descriptor, per language: the walk copies the whole schema, and panels re-render on every keystroke. */
const cache = new WeakMap<NodeDescriptor, Map<string, LocalisedSchemas>>();

/**
 * The descriptor's panel schemas in `i18n`'s language. Texts come from `nodeProps.<type>.<key>`
 * (keys from localiseDescriptor); a key the catalog lacks keeps the descriptor's English.
 * Interpolation is off: help texts show `{{ cel }}` placeholders literally.
 */
export const translatedNodeSchemas = (descriptor: NodeDescriptor, i18n: I18n): LocalisedSchemas => {
  const language = i18n.language;
  const perLanguage = cache.get(descriptor) ?? new Map<string, LocalisedSchemas>();
  cache.set(descriptor, perLanguage);
  const cached = perLanguage.get(language);
  if (cached) return cached;
  const localised = localiseDescriptor(descriptor, (key, english) => {
    const fullKey = `nodeProps.${descriptor.type}.${key}`;
    return i18n.exists(fullKey) ? i18n.t(fullKey, { skipInterpolation: true }) : english;
  });
  perLanguage.set(language, localised);
  return localised;
};
