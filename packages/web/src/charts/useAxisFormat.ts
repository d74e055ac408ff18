import { usePrefs } from "../prefs/usePrefs.ts";
import type { ValueKind } from "./ChartSeries.ts";

/** Tick and tooltip formatters for a chart's axes in the reader's locale; mirrored in RTL. */
export function useAxisFormat(kind: ValueKind): {
  readonly rtl: boolean;
  readonly x: (value: unknown) => string;
  readonly y: (value: unknown) => string;
} {
  const { format } = usePrefs();
  const y = (value: unknown): string => {
    if (typeof value !== "number") return format.value(value);
    if (kind === "percent") return format.percent(value);
    if (kind === "money") return format.money(value, true);
    return format.number(value);
  };
  return { rtl: format.language !== "en", x: (value) => format.label(String(value)), y };
}
