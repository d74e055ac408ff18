import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { withQuery } from "../api/query.ts";
import { getJson, request } from "../api/request.ts";
import { type Job, type RowProblem, UPLOAD_KINDS, type UploadKind } from "../api/types.ts";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Field } from "../components/Field.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { ProgressBar } from "../components/ProgressBar.tsx";
import { Select } from "../components/Select.tsx";
import { usePrefs } from "../prefs/usePrefs.ts";

const PRESETS = ["", "online-retail", "cdnow"] as const;
type Preset = (typeof PRESETS)[number];
const POLL_MS = 500;

/** Job progress as a 0–1 share, whether the server reports a share or a percentage. */
function progressShare(job: Job): number | null {
  if (job.state === "done") return 1;
  if (job.progress === null || job.progress === undefined) return null;
  return job.progress > 1 ? job.progress / 100 : job.progress;
}

/** The rejected rows: on the failed job of a strict load, or in the result of a load that skipped them. */
function problemsOf(job: Job): readonly RowProblem[] {
  if (job.problems !== undefined && job.problems !== null && job.problems.length > 0) return job.problems;
  const inResult = job.result?.problems;
  return Array.isArray(inResult) ? (inResult as RowProblem[]) : [];
}

/** Upload a file, follow the load job, and see the counts and every row that could not be read. */
export function DataPage() {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const [kind, setKind] = useState<UploadKind>("transactions");
  const [preset, setPreset] = useState<Preset>("");
  const [skipBad, setSkipBad] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (jobId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      try {
        const next = await getJson<Job>(`/api/jobs/${encodeURIComponent(jobId)}`);
        if (stopped) return;
        setJob(next);
        if (next.state === "queued" || next.state === "running")
          timer = setTimeout(() => void poll(), POLL_MS);
        else setBusy(false);
      } catch (e) {
        if (stopped) return;
        setError(e instanceof ApiError ? e.message : String(e));
        setBusy(false);
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [jobId]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (file === null) {
      setError(t("data.chooseFile"));
      return;
    }
    setBusy(true);
    setError(null);
    setJob(null);
    setJobId(null);
    try {
      const path = withQuery("/api/uploads", { kind, preset, skip_bad_rows: skipBad ? "true" : undefined });
      const answer = await request<{ jobId: string }>("POST", path, undefined, {
        raw: file,
        headers: { "X-Filename": encodeURIComponent(file.name), "Content-Type": "application/octet-stream" },
      });
      setJobId(answer.jobId);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };

  const problemColumns: Column<RowProblem>[] = (
    ["file", "line", "field", "column", "value", "reason"] as const
  ).map((k) => ({
    key: k,
    header: t(`data.problemCols.${k}`),
    // The server's copy of the upload lives in a temp folder; its base name is what the reader knows.
    value: (p: RowProblem) => (k === "file" ? (p.file?.split(/[\\/]/).pop() ?? null) : (p[k] ?? null)),
    kind: k === "line" ? ("number" as const) : ("text" as const),
  }));

  return (
    <>
      <PageHeader title={t("data.title")} intro={t("data.intro")} />
      <Panel>
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <div className="form-row">
            <Select
              name="kind"
              label={t("data.kind")}
              value={kind}
              options={UPLOAD_KINDS.map((k) => ({ value: k, label: t(`data.kinds.${k}`) }))}
              onChange={setKind}
            />
            <Select
              name="preset"
              label={t("data.preset")}
              value={preset}
              options={PRESETS.map((p) => ({ value: p, label: p === "" ? t("data.presetAuto") : p }))}
              onChange={setPreset}
            />
            <Field label={t("data.file")}>
              <input
                type="file"
                name="file"
                accept=".csv,.tsv,.txt,.json,.jsonl,.parquet,.gz"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              name="skip_bad_rows"
              checked={skipBad}
              onChange={(e) => setSkipBad(e.target.checked)}
            />
            {t("data.skipBad")}
          </label>
          <div>
            <button type="submit" disabled={busy}>
              {busy ? t("data.uploading") : t("data.upload")}
            </button>
          </div>
          {error === null ? null : (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </Panel>
      {job === null ? null : (
        <Panel title={t("data.result")}>
          <div data-testid="job" data-state={job.state}>
            <ProgressBar value={progressShare(job)} label={t(`data.states.${job.state}`)} />
            {job.error ? (
              <p className="form-error" role="alert">
                {job.error}
              </p>
            ) : null}
            {job.result ? (
              <dl className="attributes">
                {Object.entries(job.result)
                  .filter(([key]) => key !== "problems")
                  .map(([key, value]) => (
                    <div key={key}>
                      <dt>{t(`data.resultKeys.${key}`, { defaultValue: key.replaceAll("_", " ") })}</dt>
                      <dd>{format.value(value)}</dd>
                    </div>
                  ))}
              </dl>
            ) : null}
          </div>
          {problemsOf(job).length > 0 ? (
            <>
              <h3>{t("data.problems")}</h3>
              <div data-testid="problems">
                <DataTable
                  columns={problemColumns}
                  rows={problemsOf(job)}
                  rowKey={(p, i) => `${p.file ?? ""}:${p.line ?? ""}:${p.field ?? ""}:${i}`}
                  csvName="rejected-rows"
                />
              </div>
            </>
          ) : null}
        </Panel>
      )}
    </>
  );
}
