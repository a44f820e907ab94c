/**
 * Worker thread of `export`: exports one workbook (export-file.ts) and posts what it prints, its stages and its
 * outcome to the main thread, which prints them.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CliError } from "./context";
import { exportFile, type ExportSetup } from "./export-file";

/** What the worker posts. */
export type ExportMessage =
  | { out: string }
  | { err: string }
  | { stage: string }
  | { stagesEnd: true }
  | { done: number }
  | { failed: string; cli: boolean };

const port = parentPort!;
const post = (message: ExportMessage) => port.postMessage(message);
const { file, setup } = workerData as { file: string; setup: ExportSetup };

exportFile(
  file,
  setup,
  { out: (text) => post({ out: text }), err: (text) => post({ err: text }) },
  { say: (text) => post({ stage: text }), end: () => post({ stagesEnd: true }) },
).then(
  (code) => post({ done: code }),
  (e: unknown) => post(e instanceof CliError ? { failed: e.message, cli: true } : { failed: (e as Error)?.stack ?? String(e), cli: false }),
);
