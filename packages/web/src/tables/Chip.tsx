import { usePrefs } from "../prefs/usePrefs.ts";
import { valueLabel, whyOf } from "./values.ts";

export interface ChipProps {
  /** The API's code, written in words. */
  readonly code: string;
  /** Tooltip; defaults to why the code is set, when known. */
  readonly why?: string;
  readonly tone?: "good" | "bad" | "neutral";
  /** The words to show instead of the code's. */
  readonly label?: string;
}

/** A labelled chip for a class, flag or status, with a tooltip saying why. */
export function Chip({ code, why, tone = "neutral", label }: ChipProps) {
  const { language } = usePrefs();
  const title = why ?? whyOf(code, language);
  return (
    <span className={`chip ${tone}`} title={title} data-code={code}>
      {label ?? valueLabel(code, language)}
    </span>
  );
}
