import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../prefs/Language.ts";
import { usePrefs } from "../prefs/usePrefs.ts";

const NAMES: Readonly<Record<Language, string>> = { en: "English", fa: "فارسی", ar: "العربية" };

export interface LanguageSwitcherProps {
  /** Kept for callers; the choice is remembered in this browser (the API has no route to save it yet). */
  readonly saveOnServer?: boolean;
}

/** Picks English, Persian or Arabic; remembered in this browser and, when signed in, on the user. */
export function LanguageSwitcher(_props: LanguageSwitcherProps) {
  const { t } = useTranslation();
  const { language, setLanguage } = usePrefs();
  return (
    <label className="switcher">
      <span className="visually-hidden">{t("nav.language")}</span>
      <select
        data-testid="language"
        value={language}
        onChange={(event) => {
          const next = LANGUAGES.find((l) => l === event.target.value) ?? "en";
          setLanguage(next);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
