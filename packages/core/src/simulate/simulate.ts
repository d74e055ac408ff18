import { acquisitionFraction } from "./acquisitionFraction.ts";
import { Categorical } from "./Categorical.ts";
import { parseDay } from "./parseDay.ts";
import { Random } from "./Random.ts";
import type { CustomerTruth, SimulatedHistory, SimulatedTransaction } from "./SimulatedHistory.ts";
import type { SimulationParams } from "./SimulationParams.ts";
import { resolveSimulationParams } from "./SimulationParams.ts";
import { sampleBeta } from "./sampleBeta.ts";
import { sampleExponential } from "./sampleExponential.ts";
import { sampleGamma } from "./sampleGamma.ts";
import { samplePoisson } from "./samplePoisson.ts";
import type { SimulationWorld } from "./simulationWorld.ts";
import { simulationWorld } from "./simulationWorld.ts";
import { timeOfDay } from "./timeOfDay.ts";

/** A transaction row while it is being built: its id is set once the customer's rows are sorted. */
type DraftTransaction = { -readonly [K in keyof SimulatedTransaction]: SimulatedTransaction[K] };

/** Share of a customer's lines bought from their favourite category. */
const FAVOURITE_CATEGORY_SHARE = 0.4;
/** Share of orders in the customer's preferred sales channel. */
const PREFERRED_CHANNEL_SHARE = 0.85;
/** Share of in-person orders made at the home branch. */
const HOME_BRANCH_SHARE = 0.9;
/** Share of home-branch in-person orders served by the account owner. */
const OWNER_SERVES_SHARE = 0.5;
/** Mean extra units per line (quantity is 1 + Poisson). */
const EXTRA_UNITS = 0.6;
/** Returns come 1 day + Exponential(mean 6 days) after the purchase, never later than 30 days. */
const RETURN_MIN_DAYS = 1;
const RETURN_MEAN_EXTRA_DAYS = 6;
const RETURN_MAX_DAYS = 30;
/** Half-width of the (triangular) relative noise on the cost of goods. */
const COST_NOISE = 0.1;
const DISCOUNT_RATES = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5];
const DISCOUNT_WEIGHTS = [20, 30, 15, 15, 8, 8, 4];

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Epoch milliseconds, whole seconds, of a continuous day number, with the time of day made realistic. */
function toTimestamp(day: number): number {
  const whole = Math.floor(day);
  return Math.round((whole + timeOfDay(day - whole)) * 86_400) * 1000;
}

function zipfWeights(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / (k + 1) ** exponent);
}

/** The samplers over the world's dimensions, built once per simulation. */
function worldSamplers(world: SimulationWorld) {
  const branch = new Categorical(
    world.branches,
    world.branches.map((b) => b.weight),
  );
  const employees = new Map(
    world.branches.map((b) => [b, new Categorical(b.employees, zipfWeights(b.employees.length, 0.7))]),
  );
  const category = new Categorical(
    world.categories,
    world.categories.map((c) => c.weight),
  );
  const products = new Map(
    world.categories.map((c) => [c, new Categorical(c.products, zipfWeights(c.products.length, 1))]),
  );
  return {
    branch,
    employees,
    category,
    products,
    segment: new Categorical(
      world.segments.map((s) => s.name),
      world.segments.map((s) => s.weight),
    ),
    acquisition: new Categorical(
      world.acquisitionChannels,
      world.acquisitionChannels.map((c) => c.weight),
    ),
    salesChannel: new Categorical(
      world.salesChannels.map((c) => c.name),
      world.salesChannels.map((c) => c.weight),
    ),
    discount: new Categorical(DISCOUNT_RATES, DISCOUNT_WEIGHTS),
  };
}

/**
 * Streams a reproducible synthetic retail data set, one customer at a time, following the BG/NBD
 * purchase story and the Gamma-Gamma spend story (see `SimulationParams`), with realistic
 * dimensions (branches, staff, products, channels), discounts, costs and returns.
 *
 * Customer i (1-based, in order of acquisition) draws from its own random stream (seed, i), so a
 * customer's latent truth and attributes never depend on how many rows came before. It is acquired
 * at a time spread evenly (stratified) over the acquisition window, with its first order then;
 * afterwards orders follow a Poisson process of rate λ_i, and after each repeat order it drops out
 * with probability p_i. Each order has 1 + Poisson(linesPerOrder − 1) lines splitting a total
 * z ~ Gamma(p, ν_i). Memory is constant per customer: nothing is kept between yields except
 * counters, so millions of customers stream through.
 *
 * @param given parameters; anything missing takes `defaultSimulationParams`.
 * @param world the places, staff and catalogue; default `simulationWorld`.
 * @example
 * for (const { customer, transactions, truth } of simulate({ customers: 100, seed: 7 })) {
 *   console.log(customer.id, transactions.length, truth.lambda);
 * }
 */
export function* simulate(
  given: Partial<SimulationParams> = {},
  world: SimulationWorld = simulationWorld,
): Generator<SimulatedHistory, void, undefined> {
  const params = resolveSimulationParams(given);
  const pick = worldSamplers(world);
  const startDay = parseDay(params.start);
  // Observation covers the whole last day.
  const endDay = parseDay(params.end) + 1;
  const extraLines = params.linesPerOrder - 1;
  let nextTransactionId = 1;
  let nextOrderId = 1;

  for (let i = 0; i < params.customers; i++) {
    const rng = new Random(params.seed, i);
    const customerId = i + 1;
    // Latent truth first, so it stays the same if the rest of the story changes.
    const lambda = sampleGamma(rng, params.r, params.alpha);
    const p = sampleBeta(rng, params.a, params.b);
    const nu = sampleGamma(rng, params.q, params.gamma);

    // Stratified acquisition: customer i in the i-th of N equal slices of the (possibly growing) rate.
    const u = (i + rng.next()) / params.customers;
    const t0 =
      startDay +
      params.acquisitionDays * acquisitionFraction(u, params.acquisitionGrowth, params.acquisitionDays);

    const home = pick.branch.sample(rng);
    const homeEmployees = pick.employees.get(home);
    if (homeEmployees === undefined) throw new Error(`no employees for branch ${home.name}`);
    const owner = homeEmployees.sample(rng);
    const acquisition = pick.acquisition.sample(rng);
    const segment = pick.segment.sample(rng);
    const acquisitionCost = round2(acquisition.meanCost * sampleGamma(rng, 4, 4));
    const preferredChannel = pick.salesChannel.sample(rng);
    const favourite = pick.category.sample(rng);
    let categoryBudget: number | null = null;
    if (rng.next() < params.budgetShare) {
      // A declared yearly category spend: the customer's expected yearly spend with us divided by a
      // share of wallet ~ Beta(2, 3), rounded as people round such answers.
      const yearlySpend = lambda * 365 * (params.p / nu);
      const share = sampleBeta(rng, 2, 3);
      categoryBudget = Math.max(50, Math.round(yearlySpend / share / 10) * 10);
    }

    const transactions: DraftTransaction[] = [];
    let hasReturns = false;
    const addOrder = (t: number): void => {
      const orderId = nextOrderId++;
      const occurredAt = toTimestamp(t);
      const channel = rng.next() < PREFERRED_CHANNEL_SHARE ? preferredChannel : pick.salesChannel.sample(rng);
      const inPerson = channel === "store" || channel === "phone";
      const branch = inPerson && rng.next() >= HOME_BRANCH_SHARE ? pick.branch.sample(rng) : home;
      let employee = owner;
      if (inPerson && (branch !== home || rng.next() >= OWNER_SERVES_SHARE)) {
        employee = pick.employees.get(branch)?.sample(rng) ?? owner;
      }
      const total = sampleGamma(rng, params.p, nu);
      const lines = extraLines > 0 ? 1 + samplePoisson(rng, extraLines) : 1;
      // Split the order total over its lines with flat Dirichlet weights (normalised exponentials).
      const weights: number[] = [];
      let weightSum = 0;
      for (let k = 0; k < lines; k++) {
        const w = lines === 1 ? 1 : -Math.log(rng.next());
        weights.push(w);
        weightSum += w;
      }
      for (const w of weights) {
        const category = rng.next() < FAVOURITE_CATEGORY_SHARE ? favourite : pick.category.sample(rng);
        const product = pick.products.get(category)?.sample(rng) ?? "";
        const amount = Math.max(0.01, round2((total * w) / weightSum));
        const quantity = 1 + samplePoisson(rng, EXTRA_UNITS);
        let discount = 0;
        if (rng.next() < params.discountRate) {
          const rate = pick.discount.sample(rng);
          discount = round2((amount * rate) / (1 - rate));
        }
        const margin = Math.min(0.95, Math.max(0, params.margin + category.marginOffset));
        // Triangular noise: two uniforms are much cheaper than a normal draw on every row.
        const noise = 1 + COST_NOISE * (rng.next() - rng.next());
        const cost = Math.max(0, round2((amount + discount) * (1 - margin) * noise));
        const line: DraftTransaction = {
          id: 0,
          customerId,
          occurredAt,
          amount,
          cost,
          quantity,
          product,
          category: category.name,
          channel,
          branch: branch.name,
          employee,
          discount,
          orderId,
        };
        transactions.push(line);
        if (rng.next() < params.returnRate) {
          const after = RETURN_MIN_DAYS + sampleExponential(rng, 1 / RETURN_MEAN_EXTRA_DAYS);
          const units = 1 + rng.nextInt(quantity);
          if (after <= RETURN_MAX_DAYS && t + after < endDay) {
            const share = units / quantity;
            hasReturns = true;
            transactions.push({
              ...line,
              occurredAt: toTimestamp(t + after),
              amount: -round2(amount * share),
              cost: -round2(cost * share),
              quantity: -units,
              discount: -round2(discount * share),
            });
          }
        }
      }
    };

    addOrder(t0);
    let t = t0;
    let repeatPurchases = 0;
    let dropoutAt: number | null = null;
    for (;;) {
      t += sampleExponential(rng, lambda);
      if (!(t < endDay)) break;
      addOrder(t);
      repeatPurchases++;
      // BG/NBD: a customer can drop out only just after a repeat purchase.
      if (rng.next() < p) {
        dropoutAt = toTimestamp(t);
        break;
      }
    }

    // Returns land after later orders; the stable sort keeps lines of one order together.
    if (hasReturns) transactions.sort((x, y) => x.occurredAt - y.occurredAt);
    for (const row of transactions) row.id = nextTransactionId++;

    const truth: CustomerTruth = { customerId, lambda, p, nu, dropoutAt, repeatPurchases };
    yield {
      customer: {
        id: customerId,
        createdAt: toTimestamp(t0),
        segment,
        region: home.region,
        country: home.country,
        branch: home.name,
        owner,
        channel: acquisition.name,
        acquisitionCost,
        categoryBudget,
      },
      transactions,
      truth,
    };
  }
}
