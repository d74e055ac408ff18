import { useContext } from "react";
import { type Session, SessionContext } from "./SessionContext.ts";

/** The signed-in session; only used below the signed-in shell, where it always exists. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside a signed-in shell");
  return session;
}
