export { profitability } from "./profitability.ts";
export { repurchaseCycle } from "./repurchaseCycle.ts";
export { type ShareOfWalletOptions, shareOfWallet } from "./shareOfWallet.ts";
