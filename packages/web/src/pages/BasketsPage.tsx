import { useTranslation } from "react-i18next";
import type { LooseRow } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { LooseTable } from "../components/LooseTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { useApi } from "../hooks/useApi.ts";

interface Rules {
  readonly rules: readonly LooseRow[];
}

/** The baskets page: products bought together, strongest rules first. */
export function BasketsPage() {
  const { t } = useTranslation();
  const [state, reload] = useApi<Rules>("/api/baskets/rules");
  return (
    <>
      <PageHeader title={t("baskets.title")} intro={t("baskets.intro")} />
      <Panel>
        <ApiView state={state} reload={reload} isEmpty={(d) => d.rules.length === 0}>
          {(d) => (
            <LooseTable
              rows={d.rules}
              csvName="basket-rules"
              keys={["antecedent", "consequent", "count", "support", "confidence", "lift"]}
            />
          )}
        </ApiView>
      </Panel>
    </>
  );
}
