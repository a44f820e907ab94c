/**
 * Commander speaks English; this makes its help and parse errors Chinese.
 * Applied to the program before commands are added: commander copies these settings into each new command.
 */
import { Help, type Command } from "commander";
import type { Io } from "./context";

const TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Global Options:": "全局选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
};

const plainHelp = new Help();
const usageTerms = (text: string) => text.replace("[options]", "[选项]").replace("[command]", "[命令]");
// Terminals give CJK and full-width characters two columns; commander counts one, which skews the help columns.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;
const displayWidth = (text: string) => plainHelp.displayWidth(text) + (text.match(WIDE)?.length ?? 0);

// The parse errors a user can cause with this CLI's commands; anything else passes through unchanged.
const ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '(.+?)'/, (flag) => `未知选项 ${flag}`],
  [/^error: option '(.+?)' argument missing/, (flags) => `选项 ${flags} 缺少取值`],
  [/^error: unknown command '(.+?)'/, (name) => `未知命令 ${name}`],
  [/^error: missing required argument '(.+?)'/, (name) => `缺少参数“${name}”`],
  [/^error: required option '(.+?)' not specified/, (flags) => `缺少必填选项 ${flags}`],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\./, (flags, value) => `选项 ${flags} 的取值“${value}”无效`],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, (cmd, expected, got) =>
    `${cmd ? `命令 ${cmd} ` : ""}参数过多：应为 ${expected} 个，实际 ${got} 个`],
];
const SUGGESTION = /\n\(Did you mean (?:one of )?(.+)\?\)/;

function zhError(text: string): string {
  const suggestion = SUGGESTION.exec(text);
  for (const [pattern, say] of ERRORS) {
    const m = pattern.exec(text);
    if (m) return `错误：${say(...m.slice(1))}${suggestion ? `\n（是否想输入 ${suggestion[1]}？）` : ""}\n`;
  }
  return text;
}

export function speakChinese(program: Command, io: Io): Command {
  return program
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(zhError(text)),
    })
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      commandUsage: (cmd) => usageTerms(plainHelp.commandUsage(cmd)),
      subcommandTerm: (cmd) => usageTerms(plainHelp.subcommandTerm(cmd)),
      displayWidth,
    })
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .showHelpAfterError("（加 --help 查看用法）")
    .exitOverride();
}
