import type { Role } from "../state/StateStore.ts";

/** What a route requires of its caller beyond being signed in. */
export type Permission = "read" | "upload" | "work_alerts" | "admin" | "self";

/**
 * Which roles hold each permission. `read` is every role (agents are further scoped to their branch
 * by the customer and alert routes); `self` is signing out, open to every role, viewers included.
 */
export const permissionRoles: Readonly<Record<Permission, readonly Role[]>> = {
  read: ["admin", "analyst", "manager", "agent", "viewer"],
  self: ["admin", "analyst", "manager", "agent", "viewer"],
  upload: ["admin", "analyst"],
  work_alerts: ["admin", "manager", "agent"],
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
