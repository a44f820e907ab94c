/**
 * What a long single-file run says on stderr: on a terminal a line redrawn every second with its seconds — by a
 * thread of its own, so also while this one is busy — elsewhere a line per stage.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stageLines } from "../../src/cli/stages";
import { useTempDir } from "../support/cli";

const tempDir = useTempDir("stages-");

/** Busy for `ms`: the work a workbook's parse does, without a turn of the event loop. */
const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

const frames = (text: string) => text.split("\n").map((line) => line.split("\r").filter(Boolean).map((d) => d.replace("\u001b[K", "")));

test("on a terminal: redrawn every second with the seconds spent, while this thread is busy; a new stage starts a new line", async () => {
  const file = path.join(tempDir(), "stderr");
  const fd = fs.openSync(file, "w");
  const stages = stageLines({ out: () => {}, err: () => {} }, true, fd);
  stages.say("读取 大型部门.xlsx");
  // Time for the drawing thread to start, then this thread held as a parse would hold it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  busy(2_300);
  stages.say("校验（模板包 shanxi-2023 1.0.1）");
  busy(1_200);
  // Progress within a stage redraws its line, it does not add one.
  stages.say("校验（模板包 shanxi-2023 1.0.1）（第 2 步）");
  busy(300);
  stages.end();
  fs.closeSync(fd);
  const [first, second, rest] = frames(fs.readFileSync(file, "utf8"));
  expect(first.slice(0, 3)).toEqual(["读取 大型部门.xlsx… 0 秒", "读取 大型部门.xlsx… 1 秒", "读取 大型部门.xlsx… 2 秒"]);
  expect(second[0]).toBe("校验（模板包 shanxi-2023 1.0.1）… 0 秒");
  expect(second).toContain("校验（模板包 shanxi-2023 1.0.1）… 1 秒");
  expect(second.at(-1)).toMatch(/^校验（模板包 shanxi-2023 1\.0\.1）（第 2 步）… 1 秒$/);
  // The line is ended, and nothing is drawn after end().
  expect(rest).toEqual([]);
});

test("elsewhere: one line per stage, no redraws and no control codes", () => {
  let text = "";
  const stages = stageLines({ out: () => {}, err: (t) => void (text += t) }, false);
  stages.say("读取 a.xlsx");
  stages.say("生成 Word 文档");
  stages.say("生成 Word 文档（表格 1/2 行）");
  stages.say("生成 Word 文档（表格 2/2 行）");
  stages.say("打包");
  stages.end();
  expect(text).toBe("读取 a.xlsx…\n生成 Word 文档…\n打包…\n");
});
