import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { request } from "../api/request.ts";
import type { Role, User, UsersResponse } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Field } from "../components/Field.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { useApi } from "../hooks/useApi.ts";

const ROLES: readonly Role[] = ["admin", "analyst", "manager", "agent", "viewer"];

function usersOf(answer: UsersResponse | readonly User[]): readonly User[] {
  if (Array.isArray(answer)) return answer as readonly User[];
  const response = answer as UsersResponse;
  return response.rows ?? response.users ?? [];
}

/** The list of users and a form to add one (administrators only). */
export function UsersPanel() {
  const { t } = useTranslation();
  const [state, reload] = useApi<UsersResponse | readonly User[]>("/api/users");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [branch, setBranch] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const columns: Column<User>[] = [
    { key: "name", header: t("settings.name"), value: (u) => u.name, kind: "text" },
    { key: "email", header: t("settings.email"), value: (u) => u.email, kind: "text" },
    {
      key: "role",
      header: t("settings.role"),
      value: (u) => u.role,
      render: (u) => t(`settings.roles.${u.role}`),
    },
    { key: "branch", header: t("settings.branch"), value: (u) => u.branch ?? null, kind: "label" },
  ];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setMessage(null);
    try {
      await request("POST", "/api/users", {
        name,
        email,
        password,
        role,
        ...(branch.trim() === "" ? {} : { branch: branch.trim() }),
      });
      setMessage({ ok: true, text: t("settings.userAdded") });
      setName("");
      setEmail("");
      setPassword("");
      reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    }
  };

  return (
    <Panel title={t("settings.users")}>
      <ApiView state={state} reload={reload}>
        {(d) => <DataTable columns={columns} rows={usersOf(d)} rowKey={(u) => u.id} csvName="users" />}
      </ApiView>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-label={t("settings.addUser")}>
        <h3>{t("settings.addUser")}</h3>
        <div className="form-row">
          <Field label={t("settings.name")}>
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
          </Field>
          <Field label={t("settings.email")}>
            <input
              name="email"
              type="email"
              dir="ltr"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </Field>
          <Field label={t("settings.password")}>
            <input
              name="password"
              type="password"
              dir="ltr"
              minLength={8}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoComplete="new-password"
            />
          </Field>
          <Select
            label={t("settings.role")}
            value={role}
            options={ROLES.map((r) => ({ value: r, label: t(`settings.roles.${r}`) }))}
            onChange={setRole}
          />
          <Field label={t("settings.branch")}>
            <input name="branch" value={branch} onChange={(e) => setBranch(e.target.value)} />
          </Field>
        </div>
        {message === null ? null : (
          <p className={message.ok ? "form-ok" : "form-error"} role="status">
            {message.text}
          </p>
        )}
        <div>
          <button type="submit">{t("settings.addUser")}</button>
        </div>
      </form>
    </Panel>
  );
}
