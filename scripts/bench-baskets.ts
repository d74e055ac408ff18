// Times market-basket mining on Online Retail (invoices as baskets, products as items), SQL included.
// Run: npx tsx scripts/bench-baskets.ts [minSupport=0.01]
import { fileURLToPath } from "node:url";
import { basketRules, ingestFiles, openStore } from "@vafa/duckdb";

const file = fileURLToPath(new URL("../data/online-retail/online-retail.csv.gz", import.meta.url));
const minSupport = Number(process.argv[2] ?? 0.01);
const store = await openStore(":memory:");
try {
  await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "online-retail" });
  const started = performance.now();
  const result = await basketRules(store.client, { minSupport, minConfidence: 0.3, maxLength: 3 });
  const ms = performance.now() - started;
  console.log(
    `baskets ${result.baskets}, frequent items ${result.frequentItems}, itemsets ${result.itemsets}, rules ${result.rules.length}; mined in ${(ms / 1000).toFixed(2)} s (SQL + FP-growth)`,
  );
  for (const r of result.rules.slice(0, 5)) {
    const side = (items: readonly { item: string; label: string | null }[]) =>
      items.map((i) => `${i.item} ${i.label ?? ""}`.trim()).join(" + ");
    console.log(
      `${side(r.antecedent)} => ${side(r.consequent)}: support ${r.support.toFixed(4)}, confidence ${r.confidence.toFixed(4)}, lift ${r.lift.toFixed(2)}`,
    );
  }
} finally {
  store.close();
}
