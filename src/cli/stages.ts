/**
 * What a long single-file run is doing, on stderr. On a terminal one line, redrawn every second with the seconds
 * spent — reading a large workbook takes half a minute, and a silent terminal looks hung — and kept as a line of
 * its own when the next stage begins. Elsewhere (a pipe, a log, the tests) one line per stage, and no redraws.
 */
import { processIo, type Io } from "./context";

/** "生成 Word 文档（表格 1,000/9,000 行）" is the stage "生成 Word 文档": details do not make a new line. */
const stageOf = (text: string) => text.replace(/（.*$/, "");

export interface Stages {
  /** The stage now, or its progress: a new stage begins a new line. */
  say(text: string): void;
  /** Ends the last line. */
  end(): void;
}

export function stageLines(io: Io): Stages {
  const tty = io === processIo && Boolean(process.stderr.isTTY);
  let text = "";
  let started = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = () => io.err(`\r\u001b[K${text}… ${Math.floor((Date.now() - started) / 1000)} 秒`);
  return {
    say(next) {
      const fresh = stageOf(next) !== stageOf(text);
      if (!tty) {
        if (fresh) io.err(`${next}…\n`);
        text = next;
        return;
      }
      if (fresh) {
        if (text) io.err("\n");
        started = Date.now();
      }
      text = next;
      draw();
      // unref: the timer never keeps the process alive after the work is done.
      timer ??= setInterval(draw, 1000).unref();
    },
    end() {
      if (timer) clearInterval(timer);
      if (tty && text) io.err("\n");
      text = "";
    },
  };
}
