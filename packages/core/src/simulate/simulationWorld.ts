/** One store (branch) of the simulated retailer, with the employees who work there. */
export interface SimulatedBranch {
  readonly name: string;
  readonly region: string;
  readonly country: string;
  /** Relative share of customers whose home branch this is. */
  readonly weight: number;
  /** Employee ids; the first ones own more customers and serve more sales. */
  readonly employees: readonly string[];
}

/** One product category, its share of sales lines and its products. */
export interface SimulatedCategory {
  readonly name: string;
  readonly weight: number;
  /** Gross margin of the category relative to the average margin (added to it). */
  readonly marginOffset: number;
  /** Product codes, most popular first (Zipf-like popularity). */
  readonly products: readonly string[];
}

/** A named outcome with a relative weight (and, for acquisition channels, a mean cost). */
export interface WeightedName {
  readonly name: string;
  readonly weight: number;
}

/** An acquisition channel with its share of new customers and its mean cost per customer. */
export interface AcquisitionChannel extends WeightedName {
  readonly meanCost: number;
}

/** The fixed world the simulated customers live in: places, staff, catalogue, channels, segments. */
export interface SimulationWorld {
  readonly branches: readonly SimulatedBranch[];
  readonly categories: readonly SimulatedCategory[];
  readonly segments: readonly WeightedName[];
  readonly acquisitionChannels: readonly AcquisitionChannel[];
  readonly salesChannels: readonly WeightedName[];
}

// [name, region, country, weight]: a few big flagship stores and a long tail, as real chains have.
const BRANCHES: readonly (readonly [string, string, string, number])[] = [
  ["Tehran Central", "Middle East", "Iran", 14],
  ["Tehran North", "Middle East", "Iran", 9],
  ["Isfahan", "Middle East", "Iran", 6],
  ["Shiraz", "Middle East", "Iran", 5],
  ["Mashhad", "Middle East", "Iran", 5],
  ["Tabriz", "Middle East", "Iran", 3],
  ["Dubai Mall", "Middle East", "United Arab Emirates", 8],
  ["Abu Dhabi", "Middle East", "United Arab Emirates", 4],
  ["Berlin", "Europe", "Germany", 7],
  ["Munich", "Europe", "Germany", 4],
  ["Paris", "Europe", "France", 6],
  ["Lyon", "Europe", "France", 2],
  ["London", "Europe", "United Kingdom", 9],
  ["Manchester", "Europe", "United Kingdom", 3],
  ["New York", "North America", "United States", 8],
  ["Chicago", "North America", "United States", 4],
  ["Toronto", "North America", "Canada", 3],
];

// [name, code prefix, weight, number of products, margin offset]
const CATEGORIES: readonly (readonly [string, string, number, number, number])[] = [
  ["Groceries", "GRO", 24, 60, -0.12],
  ["Beverages", "BEV", 14, 30, -0.05],
  ["Household", "HOU", 11, 35, 0],
  ["Personal Care", "PER", 10, 40, 0.08],
  ["Apparel", "APP", 9, 50, 0.15],
  ["Electronics", "ELE", 7, 45, -0.1],
  ["Home and Garden", "HOM", 6, 40, 0.05],
  ["Health", "HEA", 5, 25, 0.1],
  ["Toys", "TOY", 4, 30, 0.08],
  ["Sports", "SPO", 4, 25, 0.05],
  ["Books", "BOO", 3, 60, 0.02],
  ["Pet Supplies", "PET", 3, 20, 0.04],
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function buildWorld(): SimulationWorld {
  let employeeNumber = 0;
  const branches = BRANCHES.map(([name, region, country, weight], i): SimulatedBranch => {
    // Bigger stores have more staff: 3 to 12, fixed so the world needs no randomness.
    const staff = 3 + Math.min(9, Math.round(weight * 0.6) + (i % 3));
    const employees = Array.from({ length: staff }, () => `E${pad(++employeeNumber, 3)}`);
    return { name, region, country, weight, employees };
  });
  const categories = CATEGORIES.map(
    ([name, prefix, weight, count, marginOffset]): SimulatedCategory => ({
      name,
      weight,
      marginOffset,
      products: Array.from({ length: count }, (_, k) => `${prefix}-${pad(k + 1, 3)}`),
    }),
  );
  return {
    branches,
    categories,
    segments: [
      { name: "retail", weight: 50 },
      { name: "loyalty_member", weight: 25 },
      { name: "business", weight: 10 },
      { name: "student", weight: 10 },
      { name: "senior", weight: 5 },
    ],
    acquisitionChannels: [
      { name: "walk_in", weight: 30, meanCost: 5 },
      { name: "organic_search", weight: 20, meanCost: 8 },
      { name: "paid_search", weight: 15, meanCost: 35 },
      { name: "social", weight: 12, meanCost: 25 },
      { name: "referral", weight: 10, meanCost: 15 },
      { name: "affiliate", weight: 8, meanCost: 20 },
      { name: "email", weight: 5, meanCost: 6 },
    ],
    salesChannels: [
      { name: "store", weight: 55 },
      { name: "online", weight: 30 },
      { name: "app", weight: 12 },
      { name: "phone", weight: 3 },
    ],
  };
}

/**
 * The fixed world of the simulator: 17 branches in 3 regions and 8 countries with their staff, 12
 * product categories with 460 products, customer segments and channels. Fixed (not drawn from the
 * seed) so that every simulated data set shares the same dimension values and can be compared.
 *
 * @example
 * simulationWorld.branches[0]?.name; // "Tehran Central"
 */
export const simulationWorld: SimulationWorld = buildWorld();
