import { useContext } from "react";
import { type Prefs, PrefsContext } from "./PrefsContext.ts";

/** The reader's language, calendar and formatter. */
export function usePrefs(): Prefs {
  return useContext(PrefsContext);
}
