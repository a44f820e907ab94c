/** How an amendment of a year's catalogue is written, in a catalogue file (--catalog) or in a pack (`catalog`). */
import { z } from "zod";
import type { Amendment } from "./catalog";

const code = z.string().regex(/^\d{3}(\d{2}){0,2}$/, "应为 3、5 或 7 位科目编码");
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "应为 2024-03-15 形式的日期");
export const codeNameSchema = z.tuple([code, z.string().min(1)]);

export const amendmentSchema: z.ZodType<Amendment> = z
  .object({
    notice: z.string().min(1),
    date: dateSchema,
    added: z.array(codeNameSchema).optional(),
    renamed: z.array(codeNameSchema).optional(),
    withdrawn: z.array(code).optional(),
  })
  .strict();
