export interface StatCardProps {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  /** Colours the hint: up is good, down is bad, neutral otherwise. */
  readonly trend?: "up" | "down" | "neutral";
  /** The page that explains this figure, and the link's words. */
  readonly link?: { readonly href: string; readonly label: string };
  readonly testId?: string;
}

/** One headline figure with its label, a line of context and a link to the page that explains it. */
export function StatCard({ label, value, hint, trend = "neutral", link, testId }: StatCardProps) {
  return (
    <div className="stat-card" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {hint === undefined ? null : <div className={`stat-hint ${trend}`}>{hint}</div>}
      {link === undefined ? null : (
        <a className="stat-link" href={link.href}>
          {link.label} →
        </a>
      )}
    </div>
  );
}
