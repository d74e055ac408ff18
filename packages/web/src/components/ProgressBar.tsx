export interface ProgressBarProps {
  /** Done share, 0–1; null for an unknown amount of work. */
  readonly value: number | null;
  readonly label: string;
}

/** A horizontal bar that fills in the reading direction. */
export function ProgressBar({ value, label }: ProgressBarProps) {
  const share = value === null ? null : Math.min(1, Math.max(0, value));
  return (
    <div className="progress">
      <div
        className={share === null ? "progress-track indeterminate" : "progress-track"}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(share === null ? {} : { "aria-valuenow": Math.round(share * 100) })}
      >
        <div className="progress-fill" style={{ inlineSize: share === null ? "30%" : `${share * 100}%` }} />
      </div>
      <span className="progress-label">{label}</span>
    </div>
  );
}
