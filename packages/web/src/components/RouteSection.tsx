import type { LooseRow } from "../api/types.ts";
import { useApi } from "../hooks/useApi.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { fieldHeader } from "../tables/fields.ts";
import { ApiView } from "./ApiView.tsx";
import { LooseTable } from "./LooseTable.tsx";
import { Panel } from "./Panel.tsx";

export interface RouteSectionProps {
  readonly title: string;
  readonly path: string;
  readonly csvName: string;
  /** What to say when the list is empty; "upload transactions" otherwise. */
  readonly emptyMessage?: string;
}

function isRow(value: unknown): value is LooseRow {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The rows of an answer: itself if a list, else its first list of objects (`rows`, `rules`, …). */
function rowsOf(answer: unknown): LooseRow[] | null {
  if (Array.isArray(answer)) return answer.filter(isRow);
  if (!isRow(answer)) return null;
  const rows = answer.rows;
  if (Array.isArray(rows)) return rows.filter(isRow);
  for (const value of Object.values(answer)) if (Array.isArray(value) && value.every(isRow)) return value;
  return null;
}

/**
 * A panel over a route whose shape is not fixed yet (root causes, programme, segments, baskets):
 * "not available yet" while the route answers 404, a sortable table once it answers.
 */
export function RouteSection({ title, path, csvName, emptyMessage }: RouteSectionProps) {
  const { format, language } = usePrefs();
  const [state, reload] = useApi<unknown>(path);
  return (
    <Panel title={title}>
      <ApiView
        state={state}
        reload={reload}
        isEmpty={(d) => rowsOf(d)?.length === 0}
        {...(emptyMessage === undefined ? {} : { emptyMessage })}
      >
        {(d) => {
          const rows = rowsOf(d);
          if (rows !== null) return <LooseTable rows={rows} csvName={csvName} />;
          return (
            <dl className="attributes">
              {isRow(d)
                ? Object.entries(d)
                    .filter(([, value]) => typeof value !== "object" || value === null)
                    .map(([key, value]) => (
                      <div key={key}>
                        <dt>{fieldHeader(key, language)}</dt>
                        <dd>{format.value(value)}</dd>
                      </div>
                    ))
                : format.value(d)}
            </dl>
          );
        }}
      </ApiView>
    </Panel>
  );
}
