import { type ComponentType, lazy } from "react";

/** Lazily loaded pages, so the charting library is fetched only by pages that draw charts. */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

export const OverviewPage = page(async () => (await import("./OverviewPage.tsx")).OverviewPage);
export const RetentionPage = page(async () => (await import("./RetentionPage.tsx")).RetentionPage);
export const CohortsPage = page(async () => (await import("./CohortsPage.tsx")).CohortsPage);
export const LifecyclePage = page(async () => (await import("./LifecyclePage.tsx")).LifecyclePage);
export const ProfitabilityPage = page(
  async () => (await import("./ProfitabilityPage.tsx")).ProfitabilityPage,
);
export const CustomersPage = page(async () => (await import("./CustomersPage.tsx")).CustomersPage);
export const CustomerPage = page(async () => (await import("./CustomerPage.tsx")).CustomerPage);
export const WorklistPage = page(async () => (await import("./WorklistPage.tsx")).WorklistPage);
export const CausesPage = page(async () => (await import("./CausesPage.tsx")).CausesPage);
export const ProgrammePage = page(async () => (await import("./ProgrammePage.tsx")).ProgrammePage);
export const SegmentsPage = page(async () => (await import("./SegmentsPage.tsx")).SegmentsPage);
export const BasketsPage = page(async () => (await import("./BasketsPage.tsx")).BasketsPage);
export const DataPage = page(async () => (await import("./DataPage.tsx")).DataPage);
export const SettingsPage = page(async () => (await import("./SettingsPage.tsx")).SettingsPage);
