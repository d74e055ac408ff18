import type { ReactNode } from "react";

export interface EmptyStateProps {
  readonly title?: string;
  readonly message: string;
  /** A link to where the reader can fix it, e.g. the Data page. */
  readonly action?: { readonly href: string; readonly label: string };
  readonly children?: ReactNode;
}

/** Says there is nothing to show and what to do about it. */
export function EmptyState({ title, message, action, children }: EmptyStateProps) {
  return (
    <div className="empty" role="status">
      {title === undefined ? null : <h3>{title}</h3>}
      <p>{message}</p>
      {action === undefined ? null : (
        <a className="button" href={action.href}>
          {action.label}
        </a>
      )}
      {children}
    </div>
  );
}
