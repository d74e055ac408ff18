/** A set of items (ascending integer ids) and how many baskets contain all of them. */
export interface FrequentItemset {
  readonly items: readonly number[];
  readonly count: number;
}

/** Options of `fpGrowth`. */
export interface FpGrowthOptions {
  /** Keep itemsets contained in at least this many baskets (≥ 1). */
  readonly minCount: number;
  /** Longest itemset to return; default unbounded. */
  readonly maxLength?: number;
}

/** A weighted path: items (already filtered and ordered) that occur together `count` times. */
interface WeightedPath {
  readonly items: readonly number[];
  readonly count: number;
}

/**
 * An FP-tree in parallel arrays: node `i` holds `item[i]`, `count[i]`, `parent[i]` (−1 for children
 * of the root); `nodesOf` lists each item's nodes (the header table).
 */
interface FpTree {
  readonly item: number[];
  readonly count: number[];
  readonly parent: number[];
  readonly nodesOf: Map<number, number[]>;
  /** Item totals in this tree, for the conditional frequency test. */
  readonly totals: Map<number, number>;
}

function countItems(paths: readonly WeightedPath[]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const p of paths) for (const i of p.items) totals.set(i, (totals.get(i) ?? 0) + p.count);
  return totals;
}

/**
 * Builds the FP-tree of `paths`, keeping items with at least `minCount` occurrences, each path
 * ordered by descending frequency (ties by id) so shared prefixes share nodes.
 */
function buildTree(paths: readonly WeightedPath[], minCount: number): FpTree {
  const all = countItems(paths);
  const totals = new Map([...all].filter(([, n]) => n >= minCount));
  const order = (a: number, b: number) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a - b;
  const tree: FpTree = { item: [], count: [], parent: [], nodesOf: new Map(), totals };
  // Children of each node by item; index 0 is the root's (node −1).
  const children: Map<number, number>[] = [new Map()];
  for (const p of paths) {
    const items = p.items.filter((i) => totals.has(i)).sort(order);
    let node = -1;
    for (const i of items) {
      const kids = children[node + 1] as Map<number, number>;
      let child = kids.get(i);
      if (child === undefined) {
        child = tree.item.length;
        tree.item.push(i);
        tree.count.push(0);
        tree.parent.push(node);
        children.push(new Map());
        kids.set(i, child);
        const list = tree.nodesOf.get(i);
        if (list) list.push(child);
        else tree.nodesOf.set(i, [child]);
      }
      tree.count[child] = (tree.count[child] ?? 0) + p.count;
      node = child;
    }
  }
  return tree;
}

function mine(
  tree: FpTree,
  suffix: readonly number[],
  minCount: number,
  maxLength: number,
  out: FrequentItemset[],
): void {
  for (const [item, support] of tree.totals) {
    const items = [...suffix, item];
    out.push({ items: items.toSorted((a, b) => a - b), count: support });
    if (items.length >= maxLength) continue;
    // The conditional pattern base of `item`: the prefix path of each of its nodes, weighted by the node's count.
    const base: WeightedPath[] = [];
    for (const node of tree.nodesOf.get(item) ?? []) {
      const path: number[] = [];
      for (let p = tree.parent[node] ?? -1; p !== -1; p = tree.parent[p] ?? -1) path.push(tree.item[p] ?? -1);
      if (path.length > 0) base.push({ items: path, count: tree.count[node] ?? 0 });
    }
    if (base.length === 0) continue;
    const conditional = buildTree(base, minCount);
    if (conditional.totals.size > 0) mine(conditional, items, minCount, maxLength, out);
  }
}

/**
 * Frequent itemsets by FP-growth (Han, Pei & Yin 2000): one pass builds a prefix tree of the
 * baskets, then each item's conditional tree is mined recursively, so no candidate sets are
 * generated. Items are integer ids; a basket's duplicates count once. Itemsets come out with
 * ascending ids, ordered by descending count, then length, then ids, so results are deterministic.
 *
 * @example
 * fpGrowth([[1, 2], [1, 3], [1, 2, 3]], { minCount: 2 });
 * // [{ items: [1], count: 3 }, { items: [2], count: 2 }, { items: [3], count: 2 }, { items: [1, 2], count: 2 }, { items: [1, 3], count: 2 }]
 */
export function fpGrowth(
  baskets: readonly (readonly number[])[],
  options: FpGrowthOptions,
): FrequentItemset[] {
  const minCount = Math.max(1, Math.ceil(options.minCount));
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  const paths = baskets.map((b) => ({ items: [...new Set(b)], count: 1 }));
  const out: FrequentItemset[] = [];
  if (maxLength >= 1) mine(buildTree(paths, minCount), [], minCount, maxLength, out);
  return out.sort(compareItemsets);
}

/** Descending count, then shorter first, then ascending ids. */
export function compareItemsets(a: FrequentItemset, b: FrequentItemset): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.items.length !== b.items.length) return a.items.length - b.items.length;
  for (let i = 0; i < a.items.length; i++) {
    const d = (a.items[i] ?? 0) - (b.items[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
