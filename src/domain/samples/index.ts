/** The built-in sample disclosures, every table as published: 晋城市商务局 2023, and 大同市商务局 2023 (OCR repaired). */
import jincheng from "./jincheng-2023.json";
import datong from "./datong-2023.json";
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
export const datongSample: Sample = { ...datong, rows: datong.rows as Record<string, CellValue[][]> };
