/**
 * The 部门预算公开 document, in the order and wording of the pack's document: cover, 目录, then its parts — input
 * texts (概况), the tables, sections of the 情况说明 with their charts and the performance forms, the 名词解释. A4;
 * a table too wide for portrait gets a landscape section.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import type { DisclosureInputs, GlossaryEntry, NarrativeSection } from "../inputs";
import { inputFieldOf } from "../inputs/sheets";
import { missing } from "../narrative/wording";
import { sectionOf } from "../narrative/statements";
import type { Pack } from "../packs/schema";
import type { SheetPlan } from "../render/plan";
import { packText } from "../packs/text";
import { FANG, face, formBlocks, planBlocks, SONG } from "./word-tables";
import { DIRECT_ROWS, spliceRows, type DirectTable } from "./word-rows";
import { chineseNumber } from "../chinese-number";

/** A chart drawn for the document: its caption and PNG, placed after a section of the 情况说明. */
export interface WordChart {
  title: string;
  /** The id of the section it follows. */
  after: string;
  /** Absent when the tables give nothing to draw. */
  png?: Uint8Array;
  width: number;
  height: number;
}

export interface WordInput {
  pack: Pack;
  department: string;
  year: number;
  plans: SheetPlan[];
  inputs: DisclosureInputs;
  narrative: NarrativeSection[];
  glossary: GlossaryEntry[];
  contents: string[];
  /** The page each 目录 line's heading starts on, where known (a first rendering found them): printed after dot leaders. */
  pages?: (number | null)[];
  charts: WordChart[];
  /** The mark on every page: 草稿, and whether the checks still find errors. */
  draft: { errors: number } | null;
  /** Body rows past which a table's rows are written directly (word-rows.ts); DIRECT_ROWS unless a test says. */
  directRows?: number;
  /** Rows written of those tables, as they are written. */
  progress?: (done: number, total: number) => void;
}

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418; // 2.5 cm
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN, landscape: A4.height - 2 * MARGIN };
/** Wider than this (in the plan's characters) a table is set landscape, as its sheet prints. */
const PORTRAIT_MAX_CHARS = 100;

const BODY_SIZE = 28; // 14 pt (四号), 仿宋 as official texts are set
/** 一、 or （一）: a glossary entry's number in the pack's style. */
const glossaryNumber = (style: string, n: number): string => style.replace(/\{n\}/g, chineseNumber(n));

/** 晋城市商务局2023年度部门预算公开 (a 单位预算 says 单位, a 决算 决算): the document's title, and the package's name. */
export const disclosureTitle = (department: string, year: number, pack: Pick<Pack, "scope" | "family">): string =>
  `${department}${year}年度${pack.scope}${pack.family}公开`;

const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: BODY_SIZE * 20 }, // two characters
    spacing: { line: 360, after: 0 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: face(FANG), size: BODY_SIZE })],
  });
const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map(body);

const partHeading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const sectionHeading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const centered = (text: string, size: number, bold = true, before = 0) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, after: 240 },
    children: [new TextRun({ text, bold, size, font: face(SONG) })],
  });

function chartBlocks(chart: WordChart): Paragraph[] {
  if (!chart.png) return [body(`${chart.title}：本年度无相关数据，不附图。`)];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [
        new ImageRun({
          type: "png",
          data: chart.png,
          transformation: { width: chart.width, height: chart.height },
          altText: { name: chart.title, title: chart.title, description: chart.title },
        }),
      ],
    }),
    centered(chart.title, 24),
  ];
}

export async function buildDocx(input: WordInput): Promise<Uint8Array> {
  const { department, year, inputs } = input;

  const header = () =>
    input.draft
      ? {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: input.draft.errors > 0 ? "草稿（未通过校验）" : "草稿",
                    bold: true,
                    color: "C00000",
                    size: 21,
                    font: face(SONG),
                  }),
                  new TextWatermark({ text: "草稿", font: SONG, color: "D9D9D9", opacity: 0.5 }),
                ],
              }),
            ],
          }),
        }
      : undefined;
  const footer = () => ({
    default: new Footer({
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 21 })] }),
      ],
    }),
  });
  const page = (orientation: "portrait" | "landscape", start?: number) => ({
    // docx swaps width and height itself for a landscape page.
    size: { ...A4, orientation: orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    ...(start !== undefined ? { pageNumbers: { start } } : {}),
  });

  const fill = (text: string) => packText(input.pack, text, year).replace(/\{department\}/g, department);
  const [first, ...rest] = input.pack.document.cover;
  const cover: ISectionOptions = {
    properties: { page: page("portrait") },
    headers: header(),
    children: [
      centered(fill(first), 52, true, 3600),
      ...rest.map((line) => centered(fill(line), 32)),
      new Paragraph({
        pageBreakBefore: true,
        alignment: AlignmentType.CENTER,
        spacing: { after: 360 },
        children: [new TextRun({ text: "目　录", bold: true, size: 32, font: face(SONG) })],
      }),
      ...input.contents.map((line, i) => {
        const isPart = !/^\s/.test(line) && input.pack.document.parts.some((p) => fill(p.title) === line.trim());
        const page = input.pages?.[i];
        const run = { bold: isPart, size: 24, font: face(SONG) };
        return new Paragraph({
          indent: isPart ? undefined : { left: 420 },
          spacing: { line: 360 },
          // The page number at the right margin, dots leading to it, as the published 目录 prints it.
          tabStops: page ? [{ type: TabStopType.RIGHT, position: TEXT_WIDTH.portrait, leader: "dot" }] : undefined,
          children: [
            new TextRun({ ...run, text: line.trim() }),
            ...(page ? [new TextRun({ ...run, children: [new Tab(), String(page)] })] : []),
          ],
        });
      }),
    ],
  };

  // Charts follow their sections, the forms the section the pack names; whatever finds no section printed comes
  // at the end of the last part of the 情况说明.
  const forms = inputs.forms.flatMap((form) => [
    centered(`项目支出绩效目标表（${form.project}）`, 24, true, 240),
    ...formBlocks(form, TEXT_WIDTH.portrait),
  ]);
  // Each section of an edited text is placed by the pack's section it is (by id, else by number or title); one that
  // is none of them is not printed.
  const decls = input.pack.narrative?.sections ?? [];
  const narrative = input.narrative.map((s) => ({ ...s, id: sectionOf(decls, s)?.id }));
  const printed = new Set(input.pack.document.parts.flatMap((p) => (p.kind === "narrative" ? p.sections : [])));
  const lastNarrative = input.pack.document.parts.map((p) => p.kind).lastIndexOf("narrative");
  const formsAfter = input.pack.document.forms?.after;
  const direct = { threshold: input.directRows ?? DIRECT_ROWS, tables: [] as DirectTable[] };

  let pageStart: number | undefined = 1;
  const section = (children: (Paragraph | Table)[], orientation: "portrait" | "landscape" = "portrait"): ISectionOptions => {
    const s = { properties: { page: page(orientation, pageStart) }, headers: header(), footers: footer(), children };
    pageStart = undefined;
    return s;
  };
  const parts: ISectionOptions[] = input.pack.document.parts.flatMap((part, i): ISectionOptions[] => {
    const title = fill(part.title);
    switch (part.kind) {
      case "texts":
        return [
          section([
            partHeading(title),
            ...part.texts.flatMap((t) => [
              ...(t.title ? [sectionHeading(fill(t.title))] : []),
              // A text nobody entered shows as such (S11 lists it), never as nothing at all.
              ...paragraphs(inputs.texts[t.field]?.trim() || missing(inputFieldOf(input.pack, t.field)?.label ?? t.field)),
            ]),
          ]),
        ];
      case "tables":
        return input.plans.map((plan, k) => {
          const orientation = plan.columnWidths.reduce((s, w) => s + w, 0) > PORTRAIT_MAX_CHARS ? "landscape" : "portrait";
          return section([...(k === 0 ? [partHeading(title)] : []), ...planBlocks(plan, TEXT_WIDTH[orientation], direct)], orientation);
        });
      case "narrative": {
        const sections = part.sections.flatMap((id) => narrative.filter((s) => s.id === id));
        const children: (Paragraph | Table)[] = [
          partHeading(title),
          ...sections.flatMap((s) => [
            ...(s.number ? [sectionHeading(`${s.number}、${s.title}`)] : []),
            ...paragraphs(s.text),
            ...input.charts.filter((c) => c.after === s.id).flatMap(chartBlocks),
            ...(s.id === formsAfter ? forms : []),
          ]),
        ];
        if (i === lastNarrative) {
          children.push(...input.charts.filter((c) => !printed.has(c.after)).flatMap(chartBlocks));
          if (!formsAfter || !printed.has(formsAfter)) for (const block of forms) children.push(block);
        }
        return [section(children)];
      }
      case "glossary":
        return [
          section([
            partHeading(title),
            ...input.glossary.map(
              (g, n) =>
                new Paragraph({
                  indent: { firstLine: BODY_SIZE * 20 },
                  spacing: { line: 360 },
                  alignment: AlignmentType.JUSTIFIED,
                  children: [
                    new TextRun({
                      text: `${glossaryNumber(input.pack.document.glossaryNumber, n + 1)}${g.term}：`,
                      bold: true,
                      font: face(FANG),
                      size: BODY_SIZE,
                    }),
                    new TextRun({ text: g.text, font: face(FANG), size: BODY_SIZE }),
                  ],
                }),
            ),
          ]),
        ];
    }
  });

  const doc = new Document({
    creator: department,
    title: disclosureTitle(department, year, input.pack),
    styles: {
      default: {
        document: { run: { font: face(SONG), size: 24 } },
        heading1: {
          run: { font: face(SONG), size: 32, bold: true, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
        },
        heading2: {
          run: { font: face(SONG), size: 28, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [cover, ...parts],
  });
  const packed = await Packer.pack(doc, "uint8array");
  return direct.tables.length ? spliceRows(packed, direct.tables, input.progress) : packed;
}
