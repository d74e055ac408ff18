import { fileURLToPath } from "node:url";
import type { ContractCases } from "./ContractCase.ts";

const onlineRetail = fileURLToPath(
  new URL("../../../../data/online-retail/online-retail.csv.gz", import.meta.url),
);

/** Loading: the suite loads Online Retail into each engine first; loading it again must add nothing. */
export const ingestCases: ContractCases = {
  "loading Online Retail a second time adds nothing": {
    feature: "ingest",
    run: async (e) => [
      await e.ingest({ kind: "transactions", files: [onlineRetail], preset: "online-retail" }),
      await e.factCounts(),
    ],
  },
};
