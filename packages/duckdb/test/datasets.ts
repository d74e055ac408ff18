import { fileURLToPath } from "node:url";

/** Absolute path of a file under the project's data/ folder. */
export function dataset(path: string): string {
  return fileURLToPath(new URL(`../../../data/${path}`, import.meta.url));
}
