/**
 * Checks many files, up to `jobs` at a time. Reading .xlsx and checking are CPU-bound, so parallel jobs need
 * threads: this thread is one job and each further job a worker thread, which the files are handed out to as
 * each finishes one.
 */
import type { Worker } from "node:worker_threads";
import type { WorkbookReport } from "../domain/report/model";
import { fileValidator, type ValidateSetup } from "./validate-file";
import { moduleWorker } from "./worker";

/** What a worker posts: { ready } once it has loaded, then a report for each { id, file } it is sent. */
type Reply = { ready: true } | { id: number; report: WorkbookReport };

/** A worker thread checking files with `setup` (validate-worker.ts). */
export function startWorker(setup: ValidateSetup): Worker {
  return moduleWorker("validate-worker", { workerData: setup });
}

// Files a worker holds at once: the next one waits in its queue while this thread is busy checking.
// Until it is ready (loading its modules takes a few hundred ms) it gets none, and this thread works on.
const WORKER_QUEUE = 2;

/** Reports in the order of `files`; `onDone` is called as each file is done, in any order. */
export async function validateFiles(files: string[], setup: ValidateSetup, jobs: number, onDone: () => void): Promise<WorkbookReport[]> {
  const reports: WorkbookReport[] = new Array(files.length);
  let next = 0;
  const validate = fileValidator(setup);
  const here = async () => {
    while (next < files.length) {
      const id = next++;
      reports[id] = await validate(files[id]);
      onDone();
    }
  };
  const workers = Array.from({ length: Math.min(jobs, files.length) - 1 }, () => startWorker(setup));
  // Called when this thread runs out of files: a worker not yet ready is then not waited for.
  const settlers: (() => void)[] = [];
  const inWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let held = 0;
      const send = () => {
        while (held < WORKER_QUEUE && next < files.length) {
          held++;
          const id = next++;
          worker.postMessage({ id, file: files[id] });
        }
        if (held === 0) resolve();
      };
      settlers.push(send);
      worker.on("message", (reply: Reply) => {
        if ("report" in reply) {
          held--;
          reports[reply.id] = reply.report;
          onDone();
        }
        send();
      });
      worker.on("error", reject);
      // After resolve (the pool terminating it) this changes nothing.
      worker.on("exit", (code) => reject(new Error(`校验线程意外退出，退出码 ${code}`)));
    });
  try {
    const working = workers.map(inWorker);
    await Promise.all([here().then(() => settlers.forEach((settle) => settle())), ...working]);
  } finally {
    // If a worker failed, this thread's loop stops after its current file.
    next = files.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}
