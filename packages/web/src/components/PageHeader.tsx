import type { ReactNode } from "react";

export interface PageHeaderProps {
  readonly title: string;
  readonly intro?: string;
  readonly children?: ReactNode;
}

/** A page's title, a sentence on what it shows, and its controls. */
export function PageHeader({ title, intro, children }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {intro === undefined ? null : <p className="intro">{intro}</p>}
      </div>
      {children === undefined ? null : <div className="controls">{children}</div>}
    </header>
  );
}
