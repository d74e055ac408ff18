import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above this module holding the bundled `data/`. Found by
 * walking up, because this code runs both from its source file and from the CLI bundle in `dist/`.
 *
 * @example
 * join(projectRoot(), "data", "online-retail", "online-retail.csv.gz");
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "data", "online-retail"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the project's data folder above the vafa CLI");
    dir = parent;
  }
  return dir;
}
