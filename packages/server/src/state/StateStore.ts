// The state store's interface lives in @vafa/core beside its SQL implementation; the server's
// modules import it from here.
export {
  type AuditEntry,
  type JobRecord,
  type JobState,
  type NewUser,
  ROLES,
  type Role,
  type Session,
  type StateStore,
  type User,
  type UserPatch,
} from "@vafa/core";
