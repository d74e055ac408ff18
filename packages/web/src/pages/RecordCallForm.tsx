import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { request } from "../api/request.ts";
import {
  type Alert,
  CONTACT_OUTCOMES,
  type ContactOutcome,
  EXIT_REASONS,
  type ExitReason,
} from "../api/types.ts";
import { Field } from "../components/Field.tsx";
import { Select } from "../components/Select.tsx";

export interface RecordCallFormProps {
  readonly alert: Alert;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Records a call on an alert: the outcome, the exit reason from the taxonomy, what was said, a follow-up. */
export function RecordCallForm({ alert, onDone, onCancel }: RecordCallFormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ContactOutcome>("saved");
  const [reason, setReason] = useState<ExitReason | "">("");
  const [note, setNote] = useState("");
  const [followUp, setFollowUp] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request("POST", `/api/alerts/${encodeURIComponent(alert.id)}/contacts`, {
        outcome,
        ...(reason === "" ? {} : { exit_reason: reason }),
        ...(note.trim() === "" ? {} : { note: note.trim() }),
        ...(followUp === "" ? {} : { follow_up_at: followUp }),
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="record-call" onSubmit={(e) => void submit(e)} aria-label={t("worklist.record")}>
      <h3>
        {t("worklist.record")} · {alert.customer_id}
      </h3>
      <div className="form-row">
        <Select
          name="outcome"
          label={t("worklist.outcome")}
          value={outcome}
          options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          onChange={setOutcome}
        />
        <Select<ExitReason | "">
          name="exit_reason"
          label={t("worklist.exitReason")}
          value={reason}
          options={[
            { value: "", label: "—" },
            ...EXIT_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) })),
          ]}
          onChange={setReason}
        />
        <Field label={t("worklist.followUp")}>
          <input
            type="date"
            name="follow_up_at"
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
          />
        </Field>
      </div>
      <Field label={t("worklist.note")}>
        <textarea name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {error === null ? null : (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t("worklist.submit")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
