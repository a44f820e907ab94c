/**
 * A large, consistent synthetic department as a workbook: every 类 of the catalogue × `kuan` 款 × `xiang` 项, each
 * 项's project money split into `projects` projects. The bench exports such workbooks through the CLI.
 * Run: npx tsx scripts/large-department.ts FILE.xlsx KUAN XIANG PROJECTS   (e.g. 28 25 5: 21,871 rows, 105,002 projects)
 */
import { writeFileSync } from "fs";
import { builtinCatalog } from "../src/domain/catalog/catalog";
import { builtinPack } from "../src/domain/packs";
import { renderTables, type TableRows } from "../src/domain/render/render";
import { plansToXlsx } from "../src/xlsx/write-plans";
import { synthesize, type Item } from "../tests/support/synthetic";

export const LARGE_DEPARTMENT = "大型测试局";

/** The department's tables. Codes beyond the catalogue are warnings, so a draft export takes them. */
export function largeRows(kuan: number, xiang: number, projects: number): TableRows {
  const items: Item[] = [];
  builtinCatalog(2023)
    .classNames()
    .forEach((cls, c) => {
      for (let k = 1; k <= kuan; k++)
        for (let x = 1; x <= xiang; x++)
          items.push({
            code: `${cls.code}${String(k).padStart(2, "0")}${String(x).padStart(2, "0")}`,
            basic: 1000 + c * 7 + k * 3 + x,
            project: 2000 + x * 11 + k,
            fund: c % 5 === 4 ? "fund" : "gpb",
          });
    });
  return synthesize({ department: LARGE_DEPARTMENT, items, publicShare: 20, projectsPerItem: projects });
}

/** Writes the workbook; returns its function rows (表3) and projects (表12). */
export async function writeLargeDepartment(file: string, kuan: number, xiang: number, projects: number): Promise<{ functionRows: number; projects: number }> {
  const rows = largeRows(kuan, xiang, projects);
  writeFileSync(file, await plansToXlsx(renderTables(builtinPack(), { department: LARGE_DEPARTMENT, year: 2023, rows })));
  return { functionRows: rows.T03?.length ?? 0, projects: rows.T12?.length ?? 0 };
}

if (require.main === module) {
  const [file, ...sizes] = process.argv.slice(2);
  const [kuan, xiang, projects] = sizes.map(Number);
  if (!file || !(kuan > 0 && xiang > 0 && projects > 0)) {
    console.error("用法：npx tsx scripts/large-department.ts 文件.xlsx 款数 项数 每项项目数");
    process.exit(2);
  }
  writeLargeDepartment(file, kuan, xiang, projects).then(
    (n) => console.log(`已写出 ${file}：${n.functionRows} 个功能科目行，${n.projects} 个项目`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
