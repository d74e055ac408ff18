import type { ReactNode } from "react";

export interface PanelProps {
  readonly title?: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}

/** A titled white box that groups a chart, a table or a form. */
export function Panel({ title, actions, children, className }: PanelProps) {
  return (
    <section className={className === undefined ? "panel" : `panel ${className}`}>
      {title === undefined && actions === undefined ? null : (
        <div className="panel-head">
          {title === undefined ? <span /> : <h2>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
