import { Suspense } from "react";
import { Loading } from "./components/Loading.tsx";
import { NotAvailable } from "./components/NotAvailable.tsx";
import { Shell } from "./components/Shell.tsx";
import { useHashRoute } from "./hooks/useHashRoute.ts";
import * as pages from "./pages/lazyPages.ts";
import { canOpen } from "./session/can.ts";
import { useSession } from "./session/useSession.ts";

/** Picks the page for the hash route (#/overview, #/customers/42, …) inside the signed-in shell. */
export function Router() {
  const route = useHashRoute();
  const { user } = useSession();
  const fallback = canOpen(user.role, "overview") ? "overview" : "worklist";
  const name = route[0] ?? fallback;
  const page = (() => {
    switch (name) {
      case "overview":
        return <pages.OverviewPage />;
      case "retention":
        return <pages.RetentionPage />;
      case "cohorts":
        return <pages.CohortsPage />;
      case "lifecycle":
        return <pages.LifecyclePage />;
      case "profitability":
        return <pages.ProfitabilityPage />;
      case "customers":
        return route[1] === undefined ? (
          <pages.CustomersPage />
        ) : (
          <pages.CustomerPage key={route[1]} id={route[1]} />
        );
      case "worklist":
        return <pages.WorklistPage />;
      case "causes":
        return <pages.CausesPage />;
      case "programme":
        return <pages.ProgrammePage />;
      case "segments":
        return <pages.SegmentsPage />;
      case "baskets":
        return <pages.BasketsPage />;
      case "data":
        return <pages.DataPage />;
      case "settings":
        return <pages.SettingsPage />;
      default:
        return <NotAvailable />;
    }
  })();
  return (
    <Shell current={name}>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Shell>
  );
}
