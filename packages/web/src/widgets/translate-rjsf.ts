import { englishStringTranslator, type TranslatableString } from "@rjsf/utils";
import type { TFunction } from "i18next";

/** rjsf's own words (Add item, Remove, ...) through the app's catalogs, English as fallback. */
export const rjsfTranslator =
  (t: TFunction) =>
  (key: TranslatableString, params?: string[]): string => {
    const english = englishStringTranslator(key, params);
    return t(`rjsf.${key}`, {
      defaultValue: english,
      ...Object.fromEntries((params ?? []).map((p, i) => [`p${i + 1}`, p])),
    });
  };
