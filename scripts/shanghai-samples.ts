/**
 * Builds the Shanghai 普陀区 samples (src/domain/samples/shanghai-*.json) from the four seed disclosures in
 * tests/fixtures/seeds: the nine tables as published (amounts as numbers: 元 in T01–T08,
 * 万元 in T09; codes and labels as strings; blanks null), the text sections and the 名词解释, and the inputs the
 * document states besides its tables (texts, last year's figures, 政府采购, 绩效, 执行数 by code, the published
 * 编制说明 and 其他相关情况说明 as `narrative`: see inputsOf in tests/support/shanghai-seed.ts).
 * tests/unit/shanghai-seed.test.ts checks that the files equal the parse; tests/unit/shanghai-inputs.test.ts that
 * the inputs say what the text says.
 * Run: npx tsx scripts/shanghai-samples.ts
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { SHANGHAI_SEEDS, parseShanghaiSeed, readShanghaiSeed, sampleFileOf, sampleOf } from "../tests/support/shanghai-seed";
import { compactJson } from "./compact-json";

for (const name of SHANGHAI_SEEDS) {
  const sample = sampleOf(parseShanghaiSeed(readShanghaiSeed(name)), `${name}.txt`);
  const file = join(__dirname, "..", "src", "domain", "samples", sampleFileOf(name));
  writeFileSync(file, compactJson(sample));
  console.log(
    `${sampleFileOf(name)}: ${Object.entries(sample.rows)
      .map(([id, r]) => `${id}:${r.length}`)
      .join(" ")}`,
  );
}
