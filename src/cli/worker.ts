/** Worker threads running the CLI's TypeScript modules. */
import * as path from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker running `entry` (a module of this folder). A worker starts without the TypeScript loader the CLI runs
 * under (tsx, or ts-jest in tests): it registers tsx first.
 */
export function moduleWorker(entry: string, options: WorkerOptions): Worker {
  const source = `require(${JSON.stringify(require.resolve("tsx/cjs"))});
require(${JSON.stringify(path.join(__dirname, entry))});`;
  return new Worker(source, { ...options, eval: true });
}
