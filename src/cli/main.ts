/** The budget-disclosure CLI. Each command lives in ./commands and registers itself on the program here. */
import { Command, CommanderError } from "commander";
import { version } from "../../package.json";
import { registerExport } from "./commands/export";
import { registerPack } from "./commands/pack";
import { registerUpgrade } from "./commands/upgrade";
import { registerRollover } from "./commands/rollover";
import { registerCatalog } from "./commands/catalog";
import { registerTemplate } from "./commands/template";
import { registerValidate } from "./commands/validate";
import { speakChinese } from "./commander-zh";
import { CliError, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, processIo, type Io } from "./context";

/** `setExitCode` lets a command that ran to its end still fail the run (validate: errors found, a file unusable; export: refused). */
export function createProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = speakChinese(new Command("budget-disclosure"), io)
    .description("部门预算公开命令行工具")
    .version(version, "-V, --version", "显示版本号")
    .option("--debug", "出错时显示调用栈");
  registerTemplate(program, io);
  registerValidate(program, io, setExitCode);
  registerExport(program, io, setExitCode);
  registerPack(program, io, setExitCode);
  registerUpgrade(program, io);
  registerRollover(program, io);
  registerCatalog(program, io);
  return program;
}

/**
 * Runs the CLI on `argv` (as process.argv: node, script, arguments) and resolves to the exit code;
 * it never exits the process, so tests can call it in-process.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    // Commander has already printed its help, version or parse error.
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_INPUT;
    const debug = program.opts().debug === true;
    const trace = (err: unknown) => (debug ? `${(err as Error).stack}\n` : "");
    if (e instanceof CliError) {
      io.err(`错误：${e.message}\n${trace(e.cause ?? e)}`);
      return EXIT_INPUT;
    }
    io.err(`内部错误：${(e as Error).message}\n${trace(e) || "加 --debug 可查看调用栈，请连同命令一起报告给开发者。\n"}`);
    return EXIT_INTERNAL;
  }
}
