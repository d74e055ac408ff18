import type { AppContext } from "./AppContext.ts";
import type { User } from "./state/StateStore.ts";

/**
 * Records a change in the audit log: who (the acting user), what (`action`), which `target`, when.
 *
 * @example
 * await audit(app, user, "alert.take", alertId);
 */
export async function audit(
  app: AppContext,
  actor: User | null,
  action: string,
  target: string | null,
  details: unknown = null,
): Promise<void> {
  await app.state.audit({
    id: crypto.randomUUID(),
    occurredAt: Date.now(),
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action,
    target,
    details,
  });
}
