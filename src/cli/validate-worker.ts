/** Worker thread of validate-pool.ts: checks each file it is sent and posts back the report. */
import { parentPort, workerData } from "node:worker_threads";
import { fileValidator, type ValidateSetup } from "./validate-file";

const port = parentPort!;
const validate = fileValidator(workerData as ValidateSetup);
// validate() never throws: a file it cannot check is a report with its error.
port.on("message", async ({ id, file }: { id: number; file: string }) => port.postMessage({ id, report: await validate(file) }));
port.postMessage({ ready: true });
