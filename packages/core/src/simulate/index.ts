export { acquisitionFraction } from "./acquisitionFraction.ts";
export { Categorical } from "./Categorical.ts";
export { CsvBytes } from "./CsvBytes.ts";
export { formatMoney } from "./formatMoney.ts";
export { formatTimestamp } from "./formatTimestamp.ts";
export { parseDay } from "./parseDay.ts";
export { Random } from "./Random.ts";
export type {
  CustomerTruth,
  SimulatedCustomer,
  SimulatedHistory,
  SimulatedTransaction,
} from "./SimulatedHistory.ts";
export type { SimulationParams } from "./SimulationParams.ts";
export { defaultSimulationParams, resolveSimulationParams } from "./SimulationParams.ts";
export { sampleBeta } from "./sampleBeta.ts";
export { sampleExponential } from "./sampleExponential.ts";
export { sampleGamma } from "./sampleGamma.ts";
export { sampleNormal } from "./sampleNormal.ts";
export { samplePoisson } from "./samplePoisson.ts";
export { sampleUniform } from "./sampleUniform.ts";
export { simulate } from "./simulate.ts";
export {
  customerCsvColumns,
  customerCsvRow,
  encodeCustomerRow,
  encodeTransactionRow,
  transactionCsvColumns,
  transactionCsvRow,
  truthCsvColumns,
  truthCsvRow,
} from "./simulationCsv.ts";
export type {
  AcquisitionChannel,
  SimulatedBranch,
  SimulatedCategory,
  SimulationWorld,
  WeightedName,
} from "./simulationWorld.ts";
export { simulationWorld } from "./simulationWorld.ts";
export { timeOfDay } from "./timeOfDay.ts";
