/** Worker threads running the CLI's own modules. */
import * as path from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker running `entry` (a module of this folder, without extension). The compiled CLI (scripts/build-cli.js) has
 * each worker as a file beside this code; the TypeScript sources (tests, a checkout not yet built) need tsx's loader,
 * which a worker starts without.
 */
export function moduleWorker(entry: string, options: WorkerOptions): Worker {
  if (!__filename.endsWith(".ts")) return new Worker(path.join(__dirname, `${entry}.js`), options);
  const source = `require(${JSON.stringify(require.resolve("tsx/cjs"))});
require(${JSON.stringify(path.join(__dirname, `${entry}.ts`))});`;
  return new Worker(source, { ...options, eval: true });
}
