/**
 * What a long single-file run is doing, on stderr. On a terminal one line, redrawn every second with the seconds
 * spent — reading a large workbook takes half a minute, and a silent terminal looks hung — and kept as a line of
 * its own when the next stage begins. Elsewhere (a pipe, a log, the tests) one line per stage, and no redraws.
 *
 * Reading a workbook and checking it hold this thread for tens of seconds at a time, so the line is drawn by a
 * small worker thread writing to the terminal itself; the stage text reaches it through shared memory, which it
 * can read while this thread is busy.
 */
import { Worker } from "node:worker_threads";
import { processIo, type Io } from "./context";

/** "生成 Word 文档（表格 1,000/9,000 行）" is the stage "生成 Word 文档": details do not make a new line. */
const stageOf = (text: string) => text.replace(/（.*$/, "");

export interface Stages {
  /** The stage now, or its progress: a new stage begins a new line. */
  say(text: string): void;
  /** Ends the last line. */
  end(): void;
}

// Shared state: [0] 0 drawing, 1 asked to stop, 2 stopped; [1] version of the text; [2] its length in bytes;
// [3] 1 when the text begins a new stage. The text's UTF-8 bytes follow.
const STATE = 0;
const VERSION = 1;
const LENGTH = 2;
const FRESH = 3;
const HEADER = 16;
const TEXT_BYTES = 4096;

/** The drawing thread: plain JavaScript, so it starts without the TypeScript loader. */
const DRAWER = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { buffer, fd } = workerData;
const control = new Int32Array(buffer, 0, 4);
const bytes = new Uint8Array(buffer, ${HEADER});
let seen = -1, text = "", started = Date.now(), drawn = false;
for (;;) {
  if (Atomics.load(control, ${STATE}) === 1) break;
  const version = Atomics.load(control, ${VERSION});
  if (version !== seen) {
    seen = version;
    text = Buffer.from(bytes.slice(0, Atomics.load(control, ${LENGTH}))).toString("utf8");
    if (Atomics.load(control, ${FRESH}) === 1) {
      if (drawn) fs.writeSync(fd, "\\n");
      started = Date.now();
    }
  }
  fs.writeSync(fd, "\\r\\u001b[K" + text + "… " + Math.floor((Date.now() - started) / 1000) + " 秒");
  drawn = true;
  // Until a second has passed, or the text changes, or this thread is asked to stop.
  Atomics.wait(control, ${STATE}, 0, 1000);
}
if (drawn) fs.writeSync(fd, "\\n");
Atomics.store(control, ${STATE}, 2);
Atomics.notify(control, ${STATE});
`;

/** `tty`: whether stderr is a terminal (the process's own, unless a test says); `fd`: where a terminal's line goes. */
export function stageLines(io: Io, tty = io === processIo && Boolean(process.stderr.isTTY), fd = 2): Stages {
  let text = "";
  if (!tty)
    return {
      say(next) {
        if (stageOf(next) !== stageOf(text)) io.err(`${next}…\n`);
        text = next;
      },
      end() {
        text = "";
      },
    };
  const buffer = new SharedArrayBuffer(HEADER + TEXT_BYTES);
  const control = new Int32Array(buffer, 0, 4);
  const bytes = new Uint8Array(buffer, HEADER);
  let drawer: Worker | undefined;
  return {
    say(next) {
      const encoded = new TextEncoder().encode(next).subarray(0, TEXT_BYTES);
      Atomics.store(control, FRESH, stageOf(next) !== stageOf(text) ? 1 : 0);
      bytes.set(encoded);
      Atomics.store(control, LENGTH, encoded.length);
      Atomics.add(control, VERSION, 1);
      text = next;
      // Wakes the drawer to draw the new text now.
      Atomics.notify(control, STATE);
      if (!drawer) {
        drawer = new Worker(DRAWER, { eval: true, workerData: { buffer, fd } });
        // Never what keeps the process alive.
        drawer.unref();
      }
    },
    end() {
      if (!drawer || Atomics.load(control, STATE) !== 0) return;
      Atomics.store(control, STATE, 1);
      Atomics.notify(control, STATE);
      // Until the drawer has ended its line, so nothing is written after it; a drawer not yet started has none.
      Atomics.wait(control, STATE, 1, 2000);
    },
  };
}
