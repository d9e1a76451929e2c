import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "zh-CN", label: "简体中文" },
] as const;

const STORAGE_KEY = "flowdesk.language";

const preferredLanguage = (): string => {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  if (stored) return stored;
  const browser = typeof navigator === "undefined" ? "en" : navigator.language;
  return browser.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
};

/** One i18next instance for the whole app; `lng` is for tests that pin a language. */
export const setupI18n = (lng = preferredLanguage()) => {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, "zh-CN": { translation: zhCN } },
    lng,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const applyLanguage = (language: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = language;
    if (typeof localStorage !== "undefined") localStorage.setItem(STORAGE_KEY, language);
  };
  applyLanguage(i18next.language);
  i18next.on("languageChanged", applyLanguage);
  return i18next;
};
