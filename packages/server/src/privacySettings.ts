import { z } from "zod";
import type { StateStore } from "./state/StateStore.ts";

/** The key of the privacy settings in the state store. */
export const privacySettingKey = "privacy";

/** How small a group of customers a branch-scoped report may show as figures. */
export const privacySettingsSchema = z
  .object({
    /** Groups of fewer customers are shown as suppressed (figures null), 1 shows every group. */
    min_group_size: z.number().int().min(1).max(1_000_000),
  })
  .strict();

/** The privacy settings document. */
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

/** Until an admin sets it, groups under 5 customers are suppressed in branch-scoped reports. */
export const defaultPrivacySettings: PrivacySettings = { min_group_size: 5 };

/**
 * The stored privacy settings, or the defaults when none (or an unreadable document) is stored.
 *
 * @example
 * const { min_group_size } = await readPrivacySettings(app.state); // 5 on a fresh install
 */
export async function readPrivacySettings(state: StateStore): Promise<PrivacySettings> {
  const parsed = privacySettingsSchema.safeParse(await state.getSetting(privacySettingKey));
  return parsed.success ? parsed.data : defaultPrivacySettings;
}
