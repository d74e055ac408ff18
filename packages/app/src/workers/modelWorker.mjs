// The model worker's entry: plain JavaScript, so it starts the same from the sources, the tests and
// the bundled CLI. It loads the TypeScript worker through tsx unless the thread can already import it.
try {
  await import("./modelWorkerMain.ts");
} catch (error) {
  if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
  const { register } = await import("tsx/esm/api");
  register();
  // A new specifier: the failed import above stays cached under the plain one.
  await import("./modelWorkerMain.ts?tsx");
}
