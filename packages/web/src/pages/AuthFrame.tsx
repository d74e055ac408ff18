import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "../components/LanguageSwitcher.tsx";

/** The centred card around the setup and sign-in forms, with the language switcher. */
export function AuthFrame({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <div className="auth-card">
        <div className="auth-top">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              و
            </span>
            {t("app.name")}
          </span>
          <LanguageSwitcher />
        </div>
        {children}
      </div>
    </div>
  );
}
