import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { withQuery } from "../api/query.ts";
import { getJson, request } from "../api/request.ts";
import type { Alert, AlertsResponse } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Field } from "../components/Field.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useDebounced } from "../hooks/useDebounced.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { useSession } from "../session/useSession.ts";
import { Chip } from "../tables/Chip.tsx";
import { plainText } from "../tables/values.ts";
import { RecordCallForm } from "./RecordCallForm.tsx";

const PAGE_SIZE = 25;
const STATES = ["active", "all", "open", "in_progress", "closed"] as const;
const STATUSES = ["", "at_risk", "defected", "reactivated", "active"] as const;
const PRIORITIES = ["", "1", "2", "3", "4", "5"] as const;
const CLOSE_REASONS = ["duplicate", "not_worth_retaining", "resolved", "other"] as const;
type Inline = { readonly id: string; readonly form: "record" | "close" };

/** Closes an alert with a reason, inline under its row. */
function CloseForm({ alert, onDone, onCancel }: { alert: Alert; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<(typeof CLOSE_REASONS)[number]>("duplicate");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await request("POST", `/api/alerts/${encodeURIComponent(alert.id)}/close`, { reason });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <form className="close-alert inline-form" onSubmit={(e) => void submit(e)} aria-label={t("wl.close")}>
      <Select
        name="close_reason"
        label={t("wl.closeReason")}
        value={reason}
        options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`wl.closeReasons.${r}`) }))}
        onChange={setReason}
      />
      <div className="form-actions">
        <button type="submit">{t("wl.closeSubmit")}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
      {error === null ? null : (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/**
 * The front-line worklist: my queue first (taken by me, then my branch), filtered on the server by
 * state, status, priority, branch and owner, 25 at a time; take, record a call and close inline.
 */
export function WorklistPage() {
  const { t } = useTranslation();
  const { format, language } = usePrefs();
  const { user } = useSession();
  const [mineFirst, setMineFirst] = useState<"yes" | "no">("yes");
  const [stateFilter, setStateFilter] = useState<(typeof STATES)[number]>("active");
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("");
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>("");
  const [owner, setOwner] = useState<"" | "me">("");
  const [branchInput, setBranchInput] = useState("");
  const [searchInput, setSearchInput] = useState("");
  const [offset, setOffset] = useState(0);
  const [inline, setInline] = useState<Inline | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const branch = useDebounced(branchInput.trim(), 300);
  const q = useDebounced(searchInput.trim(), 300);

  const query = {
    state: stateFilter === "all" ? undefined : stateFilter,
    status: status === "" ? undefined : status,
    min_priority: priority === "" ? undefined : priority,
    owner: owner === "me" ? user.id : undefined,
    branch: branch === "" ? undefined : branch,
    q: q === "" ? undefined : q,
    mine_first: mineFirst === "yes" ? "true" : undefined,
  };
  const [state, reload] = useApi<AlertsResponse>(
    withQuery("/api/alerts", { ...query, limit: PAGE_SIZE, offset }),
  );
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };

  const exportAll = async (): Promise<readonly Alert[]> => {
    const all: Alert[] = [];
    for (let from = 0; ; from += 1000) {
      const page = await getJson<AlertsResponse>(
        withQuery("/api/alerts", { ...query, limit: 1000, offset: from }),
      );
      all.push(...page.rows);
      if (page.rows.length < 1000) return all;
    }
  };

  const take = async (alert: Alert): Promise<void> => {
    setMessage(null);
    try {
      await request("POST", `/api/alerts/${encodeURIComponent(alert.id)}/take`);
      setInline({ id: alert.id, form: "record" });
      setMessage({ text: t("wl.taken"), ok: true });
      reload();
    } catch (e) {
      setMessage({ text: e instanceof ApiError ? e.message : String(e), ok: false });
    }
  };

  const ownerName = (a: Alert) =>
    a.owner === null ? "—" : a.owner === user.id || a.owner === user.email ? t("worklist.you") : a.owner;

  const columns: Column<Alert>[] = [
    {
      key: "customer",
      header: t("worklist.customer"),
      value: (a) => a.customer_id,
      render: (a) => (
        <a href={`#/customers/${encodeURIComponent(a.customer_id)}`} dir="auto">
          {format.label(a.customer_id)}
        </a>
      ),
    },
    {
      key: "reason",
      header: t("worklist.reason"),
      value: (a) => a.reason ?? a.rule,
      render: (a) => (
        <div className="alert-reason">
          <strong>{a.reason === null ? "—" : plainText(a.reason, language)}</strong>
          {a.rule === null ? null : (
            <div>
              <Chip code={a.rule} />
            </div>
          )}
        </div>
      ),
    },
    {
      key: "value",
      header: t("worklist.value"),
      value: (a) => a.value_at_stake,
      kind: "money",
      render: (a) => <strong className="at-stake">{format.money(a.value_at_stake)}</strong>,
    },
    {
      key: "status",
      header: t("worklist.status"),
      value: (a) => a.status,
      render: (a) => (
        <span className={`badge ${a.status}`}>{t(`statuses.${a.status}`, { defaultValue: a.status })}</span>
      ),
    },
    { key: "priority", header: t("worklist.priority"), value: (a) => a.priority, kind: "number" },
    { key: "branch", header: t("wl.branch"), value: (a) => a.branch ?? null, kind: "label" },
    { key: "created", header: t("worklist.created"), value: (a) => a.created_at, kind: "date" },
    { key: "owner", header: t("worklist.owner"), value: (a) => a.owner, render: ownerName },
    {
      key: "state",
      header: t("worklist.state"),
      value: (a) => a.state,
      render: (a) => <span data-state={a.state}>{t(`states.${a.state}`, { defaultValue: a.state })}</span>,
    },
    {
      key: "actions",
      header: t("worklist.actions"),
      value: () => null,
      render: (a) =>
        a.state === "closed" ? null : (
          <span className="row-actions">
            {a.state === "open" ? (
              <button type="button" data-action="take" onClick={() => void take(a)}>
                {t("worklist.take")}
              </button>
            ) : null}
            <button
              type="button"
              className="secondary"
              data-action="record"
              onClick={() => setInline({ id: a.id, form: "record" })}
            >
              {t("worklist.record")}
            </button>
            <button
              type="button"
              className="secondary"
              data-action="close"
              onClick={() => setInline({ id: a.id, form: "close" })}
            >
              {t("wl.close")}
            </button>
          </span>
        ),
    },
  ];

  const done = (text: string) => {
    setInline(null);
    setMessage({ text, ok: true });
    reload();
  };

  return (
    <>
      <PageHeader title={t("worklist.title")} intro={t("worklist.intro")} />
      <div className="filters" data-testid="worklist-filters">
        <Select
          name="queue"
          label={t("wl.queue")}
          value={mineFirst}
          options={[
            { value: "yes", label: t("wl.mineFirst") },
            { value: "no", label: t("wl.everyone") },
          ]}
          onChange={change(setMineFirst)}
        />
        <Select
          name="state"
          label={t("wl.state")}
          value={stateFilter}
          options={STATES.map((s) => ({
            value: s,
            label: s === "active" ? t("wl.anyState") : s === "all" ? t("wl.allStates") : t(`states.${s}`),
          }))}
          onChange={change(setStateFilter)}
        />
        <Select
          name="status"
          label={t("wl.status")}
          value={status}
          options={STATUSES.map((s) => ({
            value: s,
            label: s === "" ? t("wl.anyStatus") : t(`statuses.${s}`),
          }))}
          onChange={change(setStatus)}
        />
        <Select
          name="min_priority"
          label={t("wl.minPriority")}
          value={priority}
          options={PRIORITIES.map((p) => ({
            value: p,
            label: p === "" ? t("wl.anyPriority") : format.number(Number(p)),
          }))}
          onChange={change(setPriority)}
        />
        <Select
          name="owner"
          label={t("wl.owner")}
          value={owner}
          options={[
            { value: "", label: t("wl.anyOwner") },
            { value: "me", label: t("wl.me") },
          ]}
          onChange={change(setOwner)}
        />
        <Field label={t("wl.branch")}>
          <input
            name="branch"
            value={branchInput}
            placeholder={t("wl.anyBranch")}
            onChange={(e) => {
              setBranchInput(e.target.value);
              setOffset(0);
            }}
          />
        </Field>
        <Field label={t("wl.search")}>
          <input
            type="search"
            name="q"
            value={searchInput}
            onChange={(e) => {
              setSearchInput(e.target.value);
              setOffset(0);
            }}
          />
        </Field>
      </div>
      {message === null ? null : (
        <p className={message.ok ? "form-ok" : "form-error"} role="status">
          {message.text}
        </p>
      )}
      <ApiView
        state={state}
        reload={reload}
        isEmpty={(d) => d.rows.length === 0 && offset === 0}
        emptyMessage={t("worklist.noAlerts")}
      >
        {(d) => (
          <Panel>
            <DataTable
              columns={columns}
              rows={d.rows}
              rowKey={(a) => a.id}
              csvName="worklist"
              exportAll={exportAll}
              paging={{ total: d.total ?? d.rows.length, offset, pageSize: PAGE_SIZE, onOffset: setOffset }}
              expanded={(a) =>
                inline?.id !== a.id ? null : inline.form === "record" ? (
                  <RecordCallForm
                    alert={a}
                    onCancel={() => setInline(null)}
                    onDone={() => done(t("worklist.recorded"))}
                  />
                ) : (
                  <CloseForm alert={a} onCancel={() => setInline(null)} onDone={() => done(t("wl.closed"))} />
                )
              }
            />
          </Panel>
        )}
      </ApiView>
    </>
  );
}
