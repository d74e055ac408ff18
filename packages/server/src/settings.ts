import { z } from "zod";
import type { StateStore } from "./state/StateStore.ts";

/**
 * The application settings an admin edits: the default period and calendar of the reports, the
 * activity rule, the margin, and the defection rules (free JSON, validated by the defection library).
 */
export const settingsSchema = z
  .object({
    period: z.string().min(1),
    calendar: z.enum(["gregorian", "persian", "islamic"]),
    fiscal_start: z
      .string()
      .regex(/^\d{2}-\d{2}$/, "MM-DD")
      .nullable(),
    week_start: z.number().int().min(1).max(7),
    time_zone: z.string().min(1),
    margin: z.number().min(0).max(1).nullable(),
    activity: z.object({
      minCount: z.number().int().min(1).nullable(),
      minSpend: z.number().nullable(),
    }),
    defection: z.record(z.string(), z.unknown()),
  })
  .strict();

/** The settings document. */
export type Settings = z.infer<typeof settingsSchema>;

/** Settings of a fresh install: monthly Gregorian periods in UTC, one purchase makes a customer active. */
export const defaultSettings: Settings = {
  period: "month",
  calendar: "gregorian",
  fiscal_start: null,
  week_start: 1,
  time_zone: "UTC",
  margin: null,
  activity: { minCount: null, minSpend: null },
  defection: {},
};

/** The key of the settings document in the state store. */
export const settingsKey = "app";

/**
 * The stored settings merged over the defaults (a document saved by an older version keeps working).
 *
 * @example
 * const s = await readSettings(state); // s.period === "month" on a fresh install
 */
export async function readSettings(state: StateStore): Promise<Settings> {
  const stored = await state.getSetting(settingsKey);
  const merged =
    typeof stored === "object" && stored !== null ? { ...defaultSettings, ...stored } : defaultSettings;
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSettings;
}
