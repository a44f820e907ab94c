/** The built-in sample disclosure: 晋城市商务局 2023, every table as published. */
import jincheng from "./jincheng-2023.json";
import type { CellValue } from "../grid";
import type { TableRows } from "../render/render";

export interface Sample {
  department: string;
  year: number;
  pack: string;
  source: string;
  rows: TableRows;
}

export const jinchengSample: Sample = { ...jincheng, rows: jincheng.rows as Record<string, CellValue[][]> };
