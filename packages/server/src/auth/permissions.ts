import type { Role } from "../state/StateStore.ts";

/** What a route requires of its caller beyond being signed in. */
export type Permission =
  | "read"
  | "upload"
  | "analyse"
  | "manage"
  | "work_alerts"
  | "feedback"
  | "admin"
  | "self";

/**
 * Which roles hold each permission. `read` is every role (agents are further scoped to their branch
 * by the customer and alert routes); `self` is signing out, open to every role, viewers included.
 * `analyse` fits models, scores customers and saves segments; `manage` runs the defection rules and
 * steers the retention programme (targets, campaigns); `work_alerts` is the front line: the
 * worklist; `feedback` records and moves complaints and survey answers (agents: for their branch's
 * customers only).
 */
export const permissionRoles: Readonly<Record<Permission, readonly Role[]>> = {
  read: ["admin", "analyst", "manager", "agent", "viewer"],
  self: ["admin", "analyst", "manager", "agent", "viewer"],
  upload: ["admin", "analyst"],
  analyse: ["admin", "analyst"],
  manage: ["admin", "manager"],
  work_alerts: ["admin", "manager", "agent"],
  feedback: ["admin", "analyst", "manager", "agent"],
  admin: ["admin"],
};

/**
 * Whether `role` holds `permission`.
 *
 * @example
 * allows("viewer", "upload"); // false
 */
export function allows(role: Role, permission: Permission): boolean {
  return permissionRoles[permission].includes(role);
}
