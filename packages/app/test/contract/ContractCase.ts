import type { Engine, Feature } from "@vafa/core";

/**
 * One case of the engine contract: a use case run on an engine, its answer compared across engines.
 * `feature` names the use case, so an engine that lacks it must refuse the case instead.
 */
export interface ContractCase {
  readonly feature: Feature;
  run(engine: Engine): Promise<unknown>;
}

/** Cases by name. */
export type ContractCases = Readonly<Record<string, ContractCase>>;
