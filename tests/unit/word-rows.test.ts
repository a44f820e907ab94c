/**
 * Long tables' body rows written straight into document.xml (word-rows.ts) are the docx library's own XML: every
 * sample's document with every table body written directly is byte for byte the library's document; and a table of
 * 30,000 project rows is written whole, with progress. Memory and time for large departments: npm run bench.
 */
import { strFromU8, unzipSync } from "fflate";
import { buildDocx, type WordInput } from "../../src/domain/export/word";
import { builtinPack } from "../../src/domain/packs";
import { renderTables } from "../../src/domain/render/render";
import { SAMPLES } from "../../src/domain/samples";
import { jinchengInputs } from "../../src/domain/samples";

const documentXml = (docx: Uint8Array) => strFromU8(unzipSync(docx, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"]);

function inputOf(sample: (typeof SAMPLES)[number], rows = sample.rows): WordInput {
  const pack = builtinPack(sample.pack);
  return {
    pack,
    department: sample.department,
    year: sample.year,
    plans: renderTables(pack, { department: sample.department, year: sample.year, rows }),
    inputs: { ...jinchengInputs, forms: [] },
    narrative: [],
    glossary: [],
    contents: [],
    charts: [],
    draft: null,
  };
}

describe.each(SAMPLES.map((s) => [s.id, s] as const))("%s", (_, sample) => {
  it("with every table body written directly, the document is the library's, byte for byte", async () => {
    const input = inputOf(sample);
    const library = documentXml(await buildDocx(input));
    const done: [number, number][] = [];
    const direct = documentXml(await buildDocx({ ...input, directRows: 0, progress: (d, t) => done.push([d, t]) }));
    expect(direct).toBe(library);
    // Something was written directly, and the last progress call says all of it.
    expect(done.length).toBeGreaterThan(0);
    expect(done.at(-1)![0]).toBe(done.at(-1)![1]);
  }, 60_000);
});

it("30,000 projects: the body is written directly, every row in it, progress reported as it goes", async () => {
  const [sample] = SAMPLES;
  const project = sample.rows.T12![0];
  const rows = { ...sample.rows, T12: Array.from({ length: 30_000 }, (_, i) => [`项目${i + 1}`, ...project.slice(1)]) };
  const done: number[] = [];
  const docx = await buildDocx({ ...inputOf(sample, rows), progress: (d) => done.push(d) });
  const xml = documentXml(docx);
  expect(xml).not.toContain("直接写出的表体");
  expect(xml).toContain(">项目1<");
  expect(xml).toContain(">项目30000<");
  expect(xml.match(/<w:tr>/g)!.length).toBeGreaterThan(30_000);
  expect(done.length).toBeGreaterThan(2);
  expect(done.at(-1)).toBe(30_000);
}, 120_000);
