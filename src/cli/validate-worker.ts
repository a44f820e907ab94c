/** Worker thread of validate-pool.ts: checks each file it is sent and posts back the report. */
import { parentPort, workerData } from "node:worker_threads";
import { fileValidator, type ValidateSetup } from "./validate-file";

const port = parentPort!;
const validate = fileValidator(workerData as ValidateSetup);
port.on("message", async ({ id, file }: { id: number; file: string }) => {
  try {
    port.postMessage({ id, report: await validate(file) });
  } catch (e) {
    // A bug, not bad input: the pool fails the run with it.
    port.postMessage({ id, crash: (e as Error).stack ?? String(e) });
  }
});
port.postMessage({ ready: true });
