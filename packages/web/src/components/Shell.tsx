import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { canOpen } from "../session/can.ts";
import { useSession } from "../session/useSession.ts";
import { CalendarSwitcher } from "./CalendarSwitcher.tsx";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";

/** Menu entries in order, grouped as a reader works: measure, act, explore, manage. */
export const PAGES = [
  "overview",
  "retention",
  "cohorts",
  "lifecycle",
  "profitability",
  "customers",
  "worklist",
  "causes",
  "programme",
  "segments",
  "baskets",
  "data",
  "settings",
] as const;

export interface ShellProps {
  readonly current: string;
  readonly children: ReactNode;
}

/** The signed-in frame: brand, language and calendar, the user, and the menu along the start edge. */
export function Shell({ current, children }: ShellProps) {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/overview">
          <span className="brand-mark" aria-hidden="true">
            و
          </span>
          {t("app.name")}
          <span className="tagline">{t("app.tagline")}</span>
        </a>
        <div className="topbar-tools">
          <LanguageSwitcher saveOnServer />
          <CalendarSwitcher />
          <span className="who" title={user.email}>
            {user.name ?? user.email} · {t(`settings.roles.${user.role}`)}
          </span>
          <button type="button" className="secondary" onClick={() => void logout()}>
            {t("nav.logout")}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t("nav.menu")}>
        <ul>
          {PAGES.filter((p) => canOpen(user.role, p)).map((p) => (
            <li key={p}>
              <a href={`#/${p}`} aria-current={current === p ? "page" : undefined} data-page={p}>
                {t(`nav.${p}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
