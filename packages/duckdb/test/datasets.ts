import { fileURLToPath } from "node:url";

/** Absolute path of a file under ../shared/datasets, as CI lays it out beside the project. */
export function dataset(path: string): string {
  return fileURLToPath(new URL(`../../../../shared/datasets/${path}`, import.meta.url));
}
