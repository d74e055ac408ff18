import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { withQuery } from "../api/query.ts";
import { request } from "../api/request.ts";
import type { LooseRow } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable, Pager } from "../components/DataTable.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { Field } from "../components/Field.tsx";
import { LooseTable } from "../components/LooseTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { useApi } from "../hooks/useApi.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { useSession } from "../session/useSession.ts";
import { Chip } from "../tables/Chip.tsx";
import { fieldHeader } from "../tables/fields.ts";
import { plainText, valueLabel } from "../tables/values.ts";

const TARGET_METRICS = ["raw", "sales_adjusted", "profit_adjusted", "defection_rate"] as const;
const STRATEGIES = [
  "personal_call",
  "coupon",
  "discount",
  "loyalty_points",
  "customer_club",
  "vip_service",
  "newsletter",
  "lottery",
  "free_tickets_or_gifts",
] as const;
const PAGE_SIZE = 25;

interface Rows {
  readonly rows: readonly LooseRow[];
}
interface Comparison {
  readonly treated: number | null;
  readonly control: number | null;
  readonly uplift: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly pValue: number | null;
}
interface Evaluation {
  readonly treatedMembers: number;
  readonly controlMembers: number;
  readonly retention: Comparison | null;
  readonly sales: Comparison | null;
  readonly roi: number | null;
  readonly warnings?: readonly string[];
}
interface Classify {
  readonly customers: readonly LooseRow[];
  readonly total: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly notes?: readonly string[];
}
interface Economics {
  readonly sentences?: readonly string[];
  readonly notes?: readonly string[];
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (event: FormEvent, send: () => Promise<unknown>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function FormError({ error }: { error: string | null }) {
  return error === null ? null : (
    <p className="form-error" role="alert">
      {error}
    </p>
  );
}

/** Creates a target: a measure moved to a goal by a deadline. */
function TargetForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = usePrefs();
  const [metric, setMetric] = useState<(typeof TARGET_METRICS)[number]>("raw");
  const [goal, setGoal] = useState("50");
  const [deadline, setDeadline] = useState("");
  const [scope, setScope] = useState("");
  const [name, setName] = useState("");
  const { error, busy, run } = useSubmit(onDone);
  return (
    <form
      className="target-form"
      aria-label={t("prog.newTarget")}
      onSubmit={(e) =>
        void run(e, () =>
          request("POST", "/api/programme/targets", {
            metric,
            goal: Number(goal) / 100,
            deadline,
            ...(scope.trim() === "" ? {} : { scope: scope.trim() }),
            ...(name.trim() === "" ? {} : { name: name.trim() }),
          }),
        )
      }
    >
      <h3>{t("prog.newTarget")}</h3>
      <div className="form-row">
        <Field label={t("prog.name")}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Select
          name="metric"
          label={t("prog.metric")}
          value={metric}
          options={TARGET_METRICS.map((m) => ({ value: m, label: valueLabel(m, language) }))}
          onChange={setMetric}
        />
        <Field label={t("prog.goal")}>
          <input
            name="goal"
            type="number"
            min="0"
            max="100"
            step="0.1"
            required
            value={goal}
            onChange={(e) => setGoal(e.target.value)}
          />
        </Field>
        <Field label={t("prog.deadline")}>
          <input
            name="deadline"
            type="date"
            required
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </Field>
        <Field label={t("prog.scope")}>
          <input name="scope" value={scope} onChange={(e) => setScope(e.target.value)} />
        </Field>
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t("prog.create")}
        </button>
      </div>
    </form>
  );
}

/** Creates a campaign with a random holdout control group. */
function CampaignForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = usePrefs();
  const [name, setName] = useState("");
  const [strategy, setStrategy] = useState<(typeof STRATEGIES)[number]>("personal_call");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [control, setControl] = useState("20");
  const { error, busy, run } = useSubmit(onDone);
  return (
    <form
      className="campaign-form"
      aria-label={t("prog.newCampaign")}
      onSubmit={(e) =>
        void run(e, () =>
          request("POST", "/api/programme/campaigns", {
            name: name.trim(),
            strategy,
            start,
            end,
            control_share: Number(control) / 100,
          }),
        )
      }
    >
      <h3>{t("prog.newCampaign")}</h3>
      <div className="form-row">
        <Field label={t("prog.name")}>
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Select
          name="strategy"
          label={t("prog.strategy")}
          value={strategy}
          options={STRATEGIES.map((s) => ({ value: s, label: valueLabel(s, language) }))}
          onChange={setStrategy}
        />
        <Field label={t("prog.start")}>
          <input name="start" type="date" required value={start} onChange={(e) => setStart(e.target.value)} />
        </Field>
        <Field label={t("prog.end")}>
          <input name="end" type="date" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </Field>
        <Field label={t("prog.control")}>
          <input
            name="control_share"
            type="number"
            min="1"
            max="90"
            required
            value={control}
            onChange={(e) => setControl(e.target.value)}
          />
        </Field>
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t("prog.create")}
        </button>
      </div>
    </form>
  );
}

/** A campaign's evaluation in words: uplift with its interval, ROI, and whether it is significant. */
function EvaluationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { format, language } = usePrefs();
  const [state, reload] = useApi<Evaluation>(`/api/programme/campaigns/${encodeURIComponent(id)}/evaluate`);
  return (
    <div className="evaluation" data-testid="evaluation">
      <h3>{t("prog.evaluation")}</h3>
      <ApiView state={state} reload={reload}>
        {(e) => {
          const r = e.retention;
          const p = r?.pValue ?? null;
          return (
            <>
              <p>
                {t("prog.members", {
                  treated: format.number(e.treatedMembers),
                  control: format.number(e.controlMembers),
                })}
              </p>
              {r === null || r.uplift === null ? (
                <p>{t("prog.noEvaluation")}</p>
              ) : (
                <>
                  <p className="big-line">
                    {valueLabel("raw", language)}:{" "}
                    {t("prog.uplift", {
                      uplift: `${r.uplift >= 0 ? "+" : "−"}${format.number(Math.abs(r.uplift * 100), 1)}`,
                      low: format.number(r.low === null ? null : r.low * 100, 1),
                      high: format.number(r.high === null ? null : r.high * 100, 1),
                    })}{" "}
                    ({format.percent(r.treated)} / {format.percent(r.control)})
                  </p>
                  <p>
                    {p !== null && p < 0.05
                      ? t("prog.significant", { p: format.number(p, 3) })
                      : t("prog.notSignificant", { p: format.number(p, 3) })}
                  </p>
                </>
              )}
              <p>{t("prog.roi", { roi: e.roi === null ? "—" : format.percent(e.roi) })}</p>
              {(e.warnings ?? []).length === 0 ? null : (
                <ul className="notes">
                  {(e.warnings ?? []).map((w) => (
                    <li key={w}>{plainText(w, language)}</li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </ApiView>
    </div>
  );
}

/** The programme page: targets and campaigns with forms, evaluation, whom to retain and the economics. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { format, language } = usePrefs();
  const { user } = useSession();
  const manage = user.role === "admin" || user.role === "manager";
  const [targets, reloadTargets] = useApi<Rows>("/api/programme/targets");
  const [campaigns, reloadCampaigns] = useApi<Rows>("/api/programme/campaigns");
  const [evaluating, setEvaluating] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [classOffset, setClassOffset] = useState(0);
  const [classFilter, setClassFilter] = useState("");
  const classPath = withQuery("/api/programme/classify", {
    limit: PAGE_SIZE,
    offset: classOffset,
    class: classFilter === "" ? undefined : classFilter,
  });
  const [classify] = useApi<Classify>(classPath);
  const [economics] = useApi<Economics>("/api/programme/economics?by=branch");

  const assign = async (id: string): Promise<void> => {
    try {
      await request("POST", `/api/programme/campaigns/${encodeURIComponent(id)}/assign`, {});
      setEvaluating(id);
      reloadCampaigns();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : String(e));
    }
  };

  const campaignColumns: Column<LooseRow>[] = [
    { key: "name", header: t("prog.name"), value: (c) => String(c.name ?? ""), kind: "text" },
    {
      key: "strategy",
      header: t("prog.strategy"),
      value: (c) => String(c.strategy ?? ""),
      render: (c) => <Chip code={String(c.strategy ?? "")} />,
    },
    { key: "control", header: t("prog.control"), value: (c) => Number(c.controlShare), kind: "percent" },
    { key: "start", header: t("prog.start"), value: (c) => String(c.startsAt ?? ""), kind: "date" },
    { key: "end", header: t("prog.end"), value: (c) => String(c.endsAt ?? ""), kind: "date" },
    {
      key: "members",
      header: fieldHeader("members", language),
      value: (c) => Number(c.members ?? 0),
      kind: "number",
    },
    {
      key: "actions",
      header: t("worklist.actions"),
      value: () => null,
      render: (c) => (
        <span className="row-actions">
          {manage ? (
            <button
              type="button"
              className="secondary"
              data-action="assign"
              onClick={() => void assign(String(c.id))}
            >
              {t("prog.assign")}
            </button>
          ) : null}
          <button type="button" data-action="evaluate" onClick={() => setEvaluating(String(c.id))}>
            {t("prog.evaluate")}
          </button>
        </span>
      ),
    },
  ];

  const section = (title: string, body: ReactNode) => <Panel title={title}>{body}</Panel>;

  return (
    <>
      <PageHeader title={t("programme.title")} intro={t("programme.intro")} />
      {notice === null ? null : (
        <p className="form-error" role="alert">
          {notice}
        </p>
      )}
      <div className="stack">
        {section(
          t("overview.targets"),
          <>
            <ApiView state={targets} reload={reloadTargets}>
              {(d) =>
                d.rows.length === 0 ? (
                  <EmptyState message={t("prog.noTargets")} />
                ) : (
                  <LooseTable
                    rows={d.rows}
                    csvName="targets"
                    keys={["name", "metric", "scope", "baseline", "goal", "startsAt", "deadline"]}
                    headers={{ startsAt: t("prog.start") }}
                  />
                )
              }
            </ApiView>
            {manage ? <TargetForm onDone={reloadTargets} /> : null}
          </>,
        )}
        {section(
          t("customer.campaigns"),
          <>
            <ApiView state={campaigns} reload={reloadCampaigns}>
              {(d) =>
                d.rows.length === 0 ? (
                  <EmptyState message={t("prog.noCampaigns")} />
                ) : (
                  <DataTable
                    columns={campaignColumns}
                    rows={d.rows}
                    rowKey={(c) => String(c.id)}
                    csvName="campaigns"
                    expanded={(c) =>
                      evaluating === String(c.id) ? (
                        <EvaluationView key={evaluating} id={String(c.id)} />
                      ) : null
                    }
                  />
                )
              }
            </ApiView>
            {manage ? <CampaignForm onDone={reloadCampaigns} /> : null}
          </>,
        )}
        {section(
          t("programme.classify"),
          <ApiView state={classify} isEmpty={(c) => c.total === 0 && classFilter === ""}>
            {(c) => (
              <>
                <div className="chips class-filter">
                  {[["", c.total] as const, ...Object.entries(c.counts)].map(([code, n]) => (
                    <button
                      key={code}
                      type="button"
                      className={classFilter === code ? "chip-button active" : "chip-button"}
                      onClick={() => {
                        setClassFilter(code);
                        setClassOffset(0);
                      }}
                    >
                      {code === "" ? valueLabel("all", language) : valueLabel(code, language)} ·{" "}
                      {format.number(n)}
                    </button>
                  ))}
                </div>
                <LooseTable
                  rows={c.customers}
                  keys={["customerId", "class", "value", "valueBasis", "flags", "explanation"]}
                  csvName="whom-to-retain"
                  pageSize={PAGE_SIZE}
                />
                <DataPager total={c.total} offset={classOffset} onOffset={setClassOffset} />
                <Notes notes={c.notes} />
              </>
            )}
          </ApiView>,
        )}
        {section(
          t("programme.economics"),
          <ApiView state={economics}>
            {(e) => (
              <>
                <ul className="sentences">
                  {(e.sentences ?? []).map((s) => (
                    <li key={s}>{plainText(s, language)}</li>
                  ))}
                </ul>
                <Notes notes={e.notes} />
              </>
            )}
          </ApiView>,
        )}
      </div>
    </>
  );
}

function Notes({ notes }: { notes: readonly string[] | undefined }) {
  const { language } = usePrefs();
  if (notes === undefined || notes.length === 0) return null;
  return (
    <ul className="notes muted">
      {notes.map((n) => (
        <li key={n}>{plainText(n, language)}</li>
      ))}
    </ul>
  );
}

function DataPager({
  total,
  offset,
  onOffset,
}: {
  total: number;
  offset: number;
  onOffset: (n: number) => void;
}) {
  return <Pager total={total} offset={offset} pageSize={PAGE_SIZE} onOffset={onOffset} />;
}
