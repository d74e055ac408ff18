import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError } from "./api/ApiError.ts";
import { getJson, request, setCsrfToken } from "./api/request.ts";
import type { MeResponse, SetupStatus, User } from "./api/types.ts";
import { ErrorState } from "./components/ErrorState.tsx";
import { Loading } from "./components/Loading.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { SetupPage } from "./pages/SetupPage.tsx";
import { toCalendar, toLanguage } from "./prefs/Language.ts";
import { hasStoredLanguage, storedCalendar } from "./prefs/storage.ts";
import { usePrefs } from "./prefs/usePrefs.ts";
import { Router } from "./Router.tsx";
import { type Session, SessionContext } from "./session/SessionContext.ts";

type Phase =
  | { readonly kind: "loading" }
  | { readonly kind: "setup" }
  | { readonly kind: "login" }
  | { readonly kind: "error"; readonly error: ApiError }
  | { readonly kind: "in"; readonly user: User };

/** Decides between first-run setup, sign-in and the dashboard, and holds the session. */
export function App() {
  const { setLanguage, setCalendar } = usePrefs();
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  const signIn = useCallback(
    (me: MeResponse) => {
      setCsrfToken(me.csrfToken);
      // A user's saved preferences apply unless this browser already has its own choice.
      if (!hasStoredLanguage() && me.user.locale) setLanguage(toLanguage(me.user.locale));
      const calendar = toCalendar(me.user.calendar);
      if (storedCalendar() === null && calendar !== "auto" && calendar !== "gregorian") setCalendar(calendar);
      setPhase({ kind: "in", user: me.user });
      if (window.location.hash === "") window.location.hash = "#/overview";
    },
    [setLanguage, setCalendar],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on "Try again"
  useEffect(() => {
    let cancelled = false;
    const start = async (): Promise<void> => {
      try {
        const me = await getJson<MeResponse>("/api/me");
        if (!cancelled) signIn(me);
        return;
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) {
          if (!cancelled)
            setPhase({
              kind: "error",
              error: error instanceof ApiError ? error : new ApiError(0, String(error)),
            });
          return;
        }
      }
      try {
        const setup = await getJson<SetupStatus>("/api/setup");
        if (!cancelled) setPhase({ kind: setup.needsSetup ? "setup" : "login" });
      } catch {
        if (!cancelled) setPhase({ kind: "login" });
      }
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [signIn, attempt]);

  const session = useMemo<Session | null>(
    () =>
      phase.kind === "in"
        ? {
            user: phase.user,
            logout: async () => {
              await request("POST", "/api/logout").catch(() => undefined);
              setCsrfToken(null);
              setPhase({ kind: "login" });
            },
          }
        : null,
    [phase],
  );

  switch (phase.kind) {
    case "loading":
      return <Loading />;
    case "error":
      return <ErrorState error={phase.error} onRetry={() => setAttempt((a) => a + 1)} />;
    case "setup":
      return <SetupPage onDone={signIn} />;
    case "login":
      return <LoginPage onDone={signIn} />;
    case "in":
      return (
        <SessionContext.Provider value={session}>
          <Router />
        </SessionContext.Provider>
      );
  }
}
