import { createContext } from "react";
import type { User } from "../api/types.ts";

/** The signed-in user and how to end the session. */
export interface Session {
  readonly user: User;
  logout(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);
