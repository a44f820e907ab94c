/** A bureau's build refuses a bad pack or a bad server address before anything is built, saying which and why. */
import * as fs from "node:fs";
import * as path from "node:path";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import { useTempDir } from "../support/cli";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as (env: Record<string, string>, argv: { mode: string }) => { plugins: unknown[] };
const tempDir = useTempDir("bureau-build-");

test("a pack with a misspelt key fails the build, naming the file and the field", () => {
  const file = path.join(tempDir(), "坏.json");
  fs.writeFileSync(file, JSON.stringify({ ...shanxi, id: "bad-2024", publsher: "某财政局" }));
  expect(() => config({ packs: tempDir() }, { mode: "production" })).toThrow(new RegExp(`模板包 ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} 有误，未构建：[\\s\\S]*未知字段 publsher`));
});

test("an empty packs folder and a server address that is not https are refused", () => {
  expect(() => config({ packs: tempDir() }, { mode: "production" })).toThrow(`模板包目录 ${tempDir()} 中没有 .json 文件`);
  const built = config({ url: "http://budget.example.gov.cn" }, { mode: "production" });
  const copy = built.plugins.find((p) => p?.constructor?.name === "CopyPlugin") as { patterns: { from: string; transform?: (c: Buffer) => string }[] };
  const manifest = copy.patterns.find((p) => p.from === "manifest.xml")!;
  expect(() => manifest.transform!(Buffer.from("<x/>"))).toThrow("加载项地址应为 https:// 开头、不以 / 结尾的网址");
});
