import { englishStringTranslator, TranslatableString } from "@rjsf/utils";
import type { TFunction } from "i18next";

/** rjsf hands over the enum's value ("Remove"); the catalogs are keyed by its name ("RemoveButton"). */
const nameOf = new Map<string, string>(
  Object.entries(TranslatableString).map(([name, value]) => [value, name]),
);

/** rjsf's own words (Add item, Remove, ...) through the app's catalogs, English as fallback. */
export const rjsfTranslator =
  (t: TFunction) =>
  (key: TranslatableString, params?: string[]): string => {
    const english = englishStringTranslator(key, params);
    return t(`rjsf.${nameOf.get(key) ?? key}`, {
      defaultValue: english,
      ...Object.fromEntries((params ?? []).map((p, i) => [`p${i + 1}`, p])),
    });
  };
