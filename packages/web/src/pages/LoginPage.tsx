import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { request } from "../api/request.ts";
import type { MeResponse } from "../api/types.ts";
import { Field } from "../components/Field.tsx";
import { AuthFrame } from "./AuthFrame.tsx";

export interface LoginPageProps {
  readonly onDone: (me: MeResponse) => void;
}

/** Email and password sign-in. */
export function LoginPage({ onDone }: LoginPageProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await request<MeResponse>("POST", "/api/login", { email, password }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame>
      <h1>{t("login.title")}</h1>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <Field label={t("login.email")}>
          <input
            name="email"
            type="email"
            dir="ltr"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoComplete="username"
          />
        </Field>
        <Field label={t("login.password")}>
          <input
            name="password"
            type="password"
            dir="ltr"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            autoComplete="current-password"
          />
        </Field>
        {error === null ? null : (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("login.submit")}
        </button>
      </form>
    </AuthFrame>
  );
}
