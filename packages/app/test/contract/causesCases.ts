import { defectionDrivers, defectionProfiles } from "@vafa/app";
import type { ContractCases } from "./ContractCase.ts";

/**
 * Root causes from the store: who defected in a window after as-of, against what they had as of it.
 * Online Retail has no complaints or surveys, so the candidates are its descriptors and buying
 * behaviour; the numbers (rates, relative risks, odds ratios, value at stake) must still agree.
 */
export const causesCases: ContractCases = {
  "defection drivers, as of 2011-09-01, 90-day window": {
    feature: "causes-drivers",
    run: (e) => defectionDrivers(e, { asOf: "2011-09-01", windowDays: 90 }),
  },
  "defection drivers, default window (the last 90 days)": {
    feature: "causes-drivers",
    run: (e) => defectionDrivers(e),
  },
  "defector profiles, as of 2011-06-01, 180-day window": {
    feature: "causes-profiles",
    run: (e) => defectionProfiles(e, { asOf: "2011-06-01", windowDays: 180 }),
  },
};
