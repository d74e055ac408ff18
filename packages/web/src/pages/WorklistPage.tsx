import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { withQuery } from "../api/query.ts";
import { request } from "../api/request.ts";
import type { Alert, AlertsResponse } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useSession } from "../session/useSession.ts";
import { RecordCallForm } from "./RecordCallForm.tsx";

const FILTERS = ["open", "mine", "all"] as const;
type Filter = (typeof FILTERS)[number];

/** The front-line worklist: alerts by value at stake; take one, call, record the outcome and exit reason. */
export function WorklistPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [filter, setFilter] = useState<Filter>("open");
  const [recording, setRecording] = useState<Alert | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const path = withQuery("/api/alerts", {
    state: filter === "open" ? "open" : undefined,
    owner: filter === "mine" ? user.id : undefined,
    limit: 200,
  });
  const [state, reload] = useApi<AlertsResponse>(path);

  const take = async (alert: Alert): Promise<void> => {
    setMessage(null);
    try {
      await request("POST", `/api/alerts/${encodeURIComponent(alert.id)}/take`);
      setRecording(alert);
      reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };

  const columns: Column<Alert>[] = [
    {
      key: "customer",
      header: t("worklist.customer"),
      value: (a) => a.customer_id,
      render: (a) => <a href={`#/customers/${encodeURIComponent(a.customer_id)}`}>{a.customer_id}</a>,
    },
    {
      key: "status",
      header: t("worklist.status"),
      value: (a) => a.status,
      render: (a) => (
        <span className={`badge ${a.status}`}>{t(`statuses.${a.status}`, { defaultValue: a.status })}</span>
      ),
    },
    { key: "reason", header: t("worklist.reason"), value: (a) => a.reason ?? a.rule, kind: "label" },
    { key: "value", header: t("worklist.value"), value: (a) => a.value_at_stake, kind: "money" },
    { key: "priority", header: t("worklist.priority"), value: (a) => a.priority, kind: "number" },
    { key: "created", header: t("worklist.created"), value: (a) => a.created_at, kind: "date" },
    {
      key: "owner",
      header: t("worklist.owner"),
      value: (a) => a.owner,
      render: (a) =>
        a.owner === null ? "—" : a.owner === user.id || a.owner === user.email ? t("worklist.you") : a.owner,
    },
    {
      key: "state",
      header: t("worklist.state"),
      value: (a) => a.state,
      render: (a) => t(`states.${a.state}`, { defaultValue: a.state }),
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
            <button type="button" className="secondary" data-action="record" onClick={() => setRecording(a)}>
              {t("worklist.record")}
            </button>
          </span>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t("worklist.title")} intro={t("worklist.intro")}>
        <Select
          label={t("worklist.filter")}
          value={filter}
          options={FILTERS.map((f) => ({ value: f, label: t(`worklist.${f}`) }))}
          onChange={setFilter}
        />
      </PageHeader>
      {message === null ? null : (
        <p className={message === t("worklist.recorded") ? "form-ok" : "form-error"} role="status">
          {message}
        </p>
      )}
      {recording === null ? null : (
        <Panel>
          <RecordCallForm
            alert={recording}
            onCancel={() => setRecording(null)}
            onDone={() => {
              setRecording(null);
              setMessage(t("worklist.recorded"));
              reload();
            }}
          />
        </Panel>
      )}
      <ApiView
        state={state}
        reload={reload}
        isEmpty={(d) => d.rows.length === 0}
        emptyMessage={t("worklist.noAlerts")}
      >
        {(d) => (
          <Panel>
            <DataTable
              columns={columns}
              rows={d.rows}
              rowKey={(a) => a.id}
              csvName="worklist"
              initialSort={{ key: "value", descending: true }}
            />
          </Panel>
        )}
      </ApiView>
    </>
  );
}
