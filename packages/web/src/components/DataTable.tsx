import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadCsv, toCsv } from "../format/csv.ts";
import { usePrefs } from "../prefs/usePrefs.ts";

/** A sortable column: the raw value sorts and goes to CSV; `render` (or the formatter) shows it. */
export interface Column<R> {
  readonly key: string;
  readonly header: string;
  readonly value: (row: R) => string | number | boolean | null | undefined;
  readonly render?: (row: R) => ReactNode;
  /** How a number is shown when there is no `render`. */
  readonly kind?: "number" | "percent" | "money" | "date" | "label" | "text";
}

/** A list paged on the server: the page shown, the total and how to move. */
export interface ServerPaging {
  readonly total: number;
  readonly offset: number;
  readonly pageSize: number;
  readonly onOffset: (offset: number) => void;
}

export interface DataTableProps<R> {
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => string;
  /** File name (without .csv) for the export button; no button when absent. */
  readonly csvName?: string;
  /** Fetches the whole filtered list for the CSV (a server-paged list); the rows held otherwise. */
  readonly exportAll?: () => Promise<readonly R[]>;
  readonly initialSort?: { readonly key: string; readonly descending: boolean };
  readonly caption?: string;
  readonly footer?: R;
  /** Server paging; without it, more than `pageSize` rows are paged here. */
  readonly paging?: ServerPaging;
  /** Rows per page when paging here (at most 100). */
  readonly pageSize?: number;
  /** Extra content of a row shown under it across all columns (an inline form). */
  readonly expanded?: (row: R) => ReactNode;
}

type Raw = string | number | boolean | null | undefined;

function compare(a: Raw, b: Raw): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** Previous / "1–50 of 559" / Next. */
export function Pager({ total, offset, pageSize, onOffset }: ServerPaging) {
  const { t } = useTranslation();
  const { format } = usePrefs();
  if (total <= pageSize && offset === 0) return null;
  return (
    <div className="pager">
      <button
        type="button"
        className="secondary"
        data-action="previous-page"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t("common.previous")}
      </button>
      <span data-testid="showing">
        {t("common.showing", {
          from: format.number(Math.min(total, offset + 1)),
          to: format.number(Math.min(total, offset + pageSize)),
          total: format.number(total),
        })}
      </span>
      <button
        type="button"
        className="secondary"
        data-action="next-page"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t("common.next")}
      </button>
    </div>
  );
}

/**
 * A table whose columns sort on click, which shows at most one page of rows (paged here or on the
 * server) and exports the whole list as CSV.
 */
export function DataTable<R>({
  columns,
  rows,
  rowKey,
  csvName,
  exportAll,
  initialSort,
  caption,
  footer,
  paging,
  pageSize = 25,
  expanded,
}: DataTableProps<R>) {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(initialSort ?? null);
  const [localOffset, setLocalOffset] = useState(0);
  const size = Math.min(100, pageSize);

  const sorted = useMemo(() => {
    const column = sort === null ? undefined : columns.find((c) => c.key === sort.key);
    if (column === undefined || sort === null) return rows;
    const copy = [...rows];
    copy.sort((x, y) => {
      const order = compare(column.value(x), column.value(y));
      // Missing values stay last in both directions.
      const missing = column.value(x) === null || column.value(y) === null;
      return sort.descending && !missing ? -order : order;
    });
    return copy;
  }, [rows, columns, sort]);

  const offset = Math.min(localOffset, Math.max(0, sorted.length - 1));
  const shown = paging === undefined ? sorted.slice(offset, offset + size) : sorted.slice(0, 100);

  const show = (column: Column<R>, row: R): ReactNode => {
    if (column.render !== undefined) return column.render(row);
    const raw = column.value(row);
    if (typeof raw === "number") {
      if (column.kind === "percent") return format.percent(raw);
      if (column.kind === "money") return format.money(raw);
      return format.number(raw);
    }
    if (typeof raw === "string") {
      if (column.kind === "date") return format.date(raw);
      if (column.kind === "text") return raw;
      if (column.kind === "label") return format.label(raw);
    }
    return format.value(raw);
  };

  const numeric = (column: Column<R>): boolean =>
    column.kind === "number" || column.kind === "percent" || column.kind === "money";

  const exportCsv = async (): Promise<void> => {
    const all = exportAll === undefined ? sorted : await exportAll();
    const csvColumns = columns.filter((c) => c.key !== "actions");
    downloadCsv(
      `${csvName}.csv`,
      toCsv(
        csvColumns.map((c) => ({ header: c.header, value: c.value })),
        all,
      ),
    );
  };

  return (
    <div className="table-wrap">
      {csvName === undefined ? null : (
        <div className="table-tools">
          <button
            type="button"
            className="secondary"
            data-action="export-csv"
            onClick={() => void exportCsv()}
          >
            {t("common.exportCsv")}
          </button>
        </div>
      )}
      <div className="table-scroll">
        <table>
          {caption === undefined ? null : <caption>{caption}</caption>}
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort?.descending ? "descending" : "ascending") : "none";
                return (
                  <th key={c.key} aria-sort={ariaSort} className={numeric(c) ? "num" : undefined}>
                    <button
                      type="button"
                      className="sort"
                      title={t("common.sortBy", { column: c.header })}
                      onClick={() =>
                        setSort(
                          active && sort !== null
                            ? { key: c.key, descending: !sort.descending }
                            : { key: c.key, descending: numeric(c) },
                        )
                      }
                    >
                      {c.header}
                      <span className="sort-mark">{active ? (sort?.descending ? "▼" : "▲") : ""}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => {
              const extra = expanded?.(row);
              return (
                <FragmentRow
                  key={rowKey(row, index)}
                  cells={columns.map((c) => (
                    <td key={c.key} className={numeric(c) ? "num" : undefined}>
                      {show(c, row)}
                    </td>
                  ))}
                  extra={extra}
                  span={columns.length}
                />
              );
            })}
          </tbody>
          {footer === undefined ? null : (
            <tfoot>
              <tr>
                {columns.map((c) => (
                  <td key={c.key} className={numeric(c) ? "num" : undefined}>
                    {show(c, footer)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {paging === undefined ? (
        <Pager total={sorted.length} offset={offset} pageSize={size} onOffset={setLocalOffset} />
      ) : (
        <Pager {...paging} />
      )}
    </div>
  );
}

function FragmentRow({ cells, extra, span }: { cells: ReactNode; extra: ReactNode; span: number }) {
  return (
    <>
      <tr>{cells}</tr>
      {extra === null || extra === undefined ? null : (
        <tr className="row-extra">
          <td colSpan={span}>{extra}</td>
        </tr>
      )}
    </>
  );
}
