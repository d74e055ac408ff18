import { useTranslation } from "react-i18next";
import type { Settings } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { RouteSection } from "../components/RouteSection.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useSession } from "../session/useSession.ts";
import { SettingsForm } from "./SettingsForm.tsx";
import { UsersPanel } from "./UsersPanel.tsx";

/** Measurement settings, users and the audit log. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [state, reload] = useApi<Settings>("/api/settings");
  return (
    <>
      <PageHeader title={t("settings.title")} />
      <Panel title={t("settings.measurement")}>
        <ApiView state={state} reload={reload}>
          {(s) => <SettingsForm settings={s} onSaved={reload} />}
        </ApiView>
      </Panel>
      {user.role === "admin" ? (
        <>
          <UsersPanel />
          <RouteSection title={t("settings.audit")} path="/api/audit" csvName="audit" />
        </>
      ) : null}
    </>
  );
}
