import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { ar } from "./ar.ts";
import { en } from "./en.ts";
import { fa } from "./fa.ts";
import { more } from "./more.ts";

/** The shared i18next instance, with English, Persian and Arabic bundled (they are small). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...more.en } },
    fa: { translation: { ...fa, ...more.fa } },
    ar: { translation: { ...ar, ...more.ar } },
  },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});
