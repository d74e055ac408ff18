export interface StatCardProps {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  /** Colours the hint: up is good, down is bad, neutral otherwise. */
  readonly trend?: "up" | "down" | "neutral";
}

/** One headline figure with its label and a line of context. */
export function StatCard({ label, value, hint, trend = "neutral" }: StatCardProps) {
  return (
    <div className="stat-card">
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {hint === undefined ? null : <div className={`stat-hint ${trend}`}>{hint}</div>}
    </div>
  );
}
