import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { request } from "../api/request.ts";
import type { MeResponse } from "../api/types.ts";
import { Field } from "../components/Field.tsx";
import { AuthFrame } from "./AuthFrame.tsx";

export interface SetupPageProps {
  readonly onDone: (me: MeResponse) => void;
}

/** First run: creates the first administrator, who is then signed in. */
export function SetupPage({ onDone }: SetupPageProps) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await request<MeResponse>("POST", "/api/setup", { email, password, name }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame>
      <h1>{t("setup.title")}</h1>
      <p className="intro">{t("setup.intro")}</p>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <Field label={t("setup.name")}>
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoComplete="name"
          />
        </Field>
        <Field label={t("setup.email")}>
          <input
            name="email"
            type="email"
            dir="ltr"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoComplete="email"
          />
        </Field>
        <Field label={t("setup.password")} hint={t("setup.passwordHint")}>
          <input
            name="password"
            type="password"
            dir="ltr"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={8}
            autoComplete="new-password"
          />
        </Field>
        {error === null ? null : (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("setup.submit")}
        </button>
      </form>
    </AuthFrame>
  );
}
