/** `catalog import | diff`: a year's official subject list as a catalogue file, and what changed between two. */
import * as path from "node:path";
import type { Command } from "commander";
import { kindInfo, type Catalog, type CatalogKind } from "../../domain/catalog/catalog";
import { catalogsFor, listToDatedCatalog, readCatalogFile } from "../catalog-file";
import { CliError, type Io } from "../context";
import { writeAtomically } from "../output";

const EXAMPLES = `
示例：
  budget-disclosure catalog import 2024年支出功能分类科目.xlsx --year 2024 --effective 2024-01-01 -o 2024年科目.json
  budget-disclosure catalog diff 2024年科目.json 2024年科目（3月修订）.json

目录文件（.json）可直接用于 validate、export 的 --catalog；其中 "amendments" 记录修订通知：
  {"year": 2024, "amendments": [{"notice": "财预〔2024〕18号", "date": "2024-03-15",
    "added": [["2130153", "…"]], "renamed": [["2011301", "…"]], "withdrawn": ["2011308"]}]}
撤销的科目仍出现在表中时报 C02，写明通知和日期；改名后仍用旧名时报 C03，同样写明。
`;

const KINDS: CatalogKind[] = ["functional", "econDept", "econGov", "income"];

/** Codes added, renamed and withdrawn from `a` to `b`, in code order, in Chinese. */
function catalogDiff(a: Catalog, b: Catalog): string[] {
  const out: string[] = [];
  for (const kind of KINDS) {
    const [before, after] = [new Map(a.entries(kind).map((e) => [e.code, e.name])), new Map(b.entries(kind).map((e) => [e.code, e.name]))];
    const label = kindInfo(kind).label;
    for (const code of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const [x, y] = [before.get(code), after.get(code)];
      const change = b.changeOf(kind, code);
      const by = change ? `（${change.notice}，${change.date}）` : "";
      if (x === undefined) out.push(`增加 ${label} ${code} ${y}${by}`);
      else if (y === undefined) out.push(`撤销 ${label} ${code} ${x}${by}`);
      else if (x !== y) out.push(`改名 ${label} ${code}：“${x}”改为“${y}”${by}`);
    }
  }
  return out;
}

export function registerCatalog(program: Command, io: Io): void {
  const catalog = program.command("catalog").description("科目目录：由官方清单生成目录文件、比较两个目录").addHelpText("after", EXAMPLES);
  catalog
    .command("import")
    .description("把一个年度的官方科目清单（.xlsx/.csv，编码、名称两列）写成目录文件（.json）")
    .argument("<清单>", "官方科目清单")
    .option("--year <年度>", "目录的年度（必填）")
    .option("--effective <日期>", "生效日期，如 2024-01-01")
    .option("-o, --output <文件.json>", "写出的目录文件（必填）")
    .option("--force", "覆盖已存在的输出文件")
    .action(async (file: string, options: { year?: string; effective?: string; output?: string; force?: boolean }) => {
      const year = Number(options.year);
      if (!Number.isInteger(year)) throw new CliError("请用 --year 指定目录的年度，如 --year 2024");
      if (!options.output || path.extname(options.output).toLowerCase() !== ".json") throw new CliError("请用 -o 指定写出的 .json 文件");
      if (options.effective && !/^\d{4}-\d{2}-\d{2}$/.test(options.effective)) throw new CliError(`--effective 应为 2024-01-01 形式的日期，收到“${options.effective}”`);
      const dated = await listToDatedCatalog(file, year, options.effective);
      writeAtomically(options.output, `${JSON.stringify(dated, null, 1)}\n`, options.force ?? false);
      io.out(`已写出 ${options.output}：${year} 年 ${kindInfo(dated.kind!).label} ${dated.entries!.length} 个\n`);
    });
  catalog
    .command("diff")
    .description("列出两个目录之间增加、改名、撤销的科目")
    .argument("<旧目录>", "目录文件（.json）或官方清单（.xlsx/.csv）")
    .argument("<新目录>", "目录文件（.json）或官方清单（.xlsx/.csv）")
    .option("--year <年度>", "两份清单的年度（目录文件自带年度）")
    .action(async (before: string, after: string, options: { year?: string }) => {
      const quiet = () => {};
      const [a, b] = [await readCatalogFile(before, quiet), await readCatalogFile(after, quiet)];
      const year = a.year ?? b.year ?? Number(options.year);
      if (!Number.isInteger(year)) throw new CliError("两份都是清单时，请用 --year 指定年度");
      const changes = catalogDiff(catalogsFor(a)(a.year ?? year), catalogsFor(b)(b.year ?? year));
      io.out(changes.length ? `${changes.length} 处改动：\n${changes.map((c) => `  ${c}\n`).join("")}` : "没有改动\n");
    });
}
