import {
  alertPage,
  closeAlert,
  getAlert,
  type AlertRow as LibraryAlertRow,
  recordContact,
  takeAlert,
} from "@vafa/app";
import type { Engine } from "@vafa/core";
import type { AlertRow, Worklist } from "./Worklist.ts";

/** The library's row as the API shows it: `owner` is who works it, `account_owner` the customer's. */
function toApi(a: LibraryAlertRow): AlertRow {
  return {
    id: a.id,
    customer_id: a.customer_id,
    created_at: a.created_at,
    status: a.status,
    rule: a.rule,
    reason: a.reason,
    value_at_stake: a.value_at_stake,
    value_basis: a.value_basis,
    priority: a.priority,
    p_alive: a.p_alive,
    owner: a.assignee,
    account_owner: a.owner,
    state: a.state,
    closed_at: a.closed_at,
    closed_reason: a.closed_reason,
    branch: a.branch,
  };
}

/**
 * The worklist over the defection library: pages, counts and single alerts come from the
 * operational store (`alertPage`, `getAlert`), where each alert carries everything the worklist
 * shows; taking, recording a contact and closing are the library's.
 *
 * @example
 * const worklist = defectionWorklist(engine);
 * await worklist.list({ state: "open", limit: 50 });
 */
export function defectionWorklist(engine: Engine): Worklist {
  const get = async (id: string): Promise<AlertRow | null> => {
    const alert = await getAlert(engine, id);
    return alert === null ? null : toApi(alert);
  };
  return {
    async list(filter) {
      return (await alertPage(engine, filter)).rows.map(toApi);
    },
    async count(filter) {
      return (await alertPage(engine, { ...filter, limit: 0 })).total;
    },
    get,
    async take(id, owner) {
      await takeAlert(engine, id, owner);
      return get(id);
    },
    async recordContact(id, contact) {
      // One transaction in one session of the engine (recordContact opens it).
      const { contactId } = await recordContact(engine, {
        alertId: id,
        outcome: contact.outcome,
        employee: contact.employee,
        channel: "worklist",
        ...(contact.exitReason !== null ? { exitReason: contact.exitReason } : {}),
        ...(contact.note !== null ? { note: contact.note } : {}),
        ...(contact.followUpAt !== null ? { followUp: contact.followUpAt.slice(0, 10) } : {}),
      });
      return { alert: await get(id), contactId };
    },
    async close(id, reason) {
      await closeAlert(engine, id, reason);
      return get(id);
    },
  };
}
