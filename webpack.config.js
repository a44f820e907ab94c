/* Builds the task pane (also the preview host when opened outside Office) and the ribbon's function file. */
const path = require("path");
const fs = require("fs");
const { execFileSync } = require("child_process");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const officeJs = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** Excel only loads an add-in over https it trusts: the certificate `office-addin-dev-certs install` made. */
function httpsServer() {
  const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
  const read = (f) => require("fs").readFileSync(path.join(dir, f));
  try {
    return { type: "https", options: { key: read("localhost.key"), cert: read("localhost.crt"), ca: read("ca.crt") } };
  } catch {
    return "https";
  }
}

/** Office's CDN, where a bureau may point office.js instead of our copy. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/**
 * The pages' Content-Security-Policy: scripts and connections only from here and Office's CDN, no frames (office.js
 * frames a telemetry page, which this blocks: the figures and what the clerk does stay here). Styles inline: Fluent
 * UI writes its own at run time. In development webpack's source maps are eval'd.
 */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}${dev ? " 'unsafe-eval'" : ""}`,
    `connect-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * A bureau's own packs (`--env packs=DIR` or BUDGET_DISCLOSURE_PACKS): every .json in DIR, each checked as `pack
 * validate` checks it — a bad pack fails the build with its problems, never a clerk's task pane.
 */
function bureauPacks(dir) {
  if (!dir) return [];
  const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".json")).sort();
  if (files.length === 0) throw new Error(`模板包目录 ${dir} 中没有 .json 文件`);
  return files.map((f) => {
    const file = path.join(dir, f);
    try {
      execFileSync(process.execPath, [path.join(__dirname, "bin/budget-disclosure.js"), "pack", "validate", file], { stdio: "pipe" });
    } catch (e) {
      throw new Error(`模板包 ${file} 有误，未构建：\n${String(e.stderr || e.message)}`);
    }
    return JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  });
}

/**
 * The built-in packs and the bureau's, validated here as the CLI's build does (scripts/build-cli.js): the task pane
 * starts without zod or a schema run over them, and loads both only when a clerk opens a pack file.
 */
function validatedPacks(packs) {
  require("tsx/cjs");
  const { sourcesWith, validatedPacks } = require("./src/domain/packs/validate.ts");
  return validatedPacks(sourcesWith(packs));
}

/** Where the bureau serves the add-in (`--env url=https://…` or BUDGET_DISCLOSURE_URL): every URL of the manifest. */
function manifestFor(url) {
  return (content) => {
    const text = content.toString();
    if (!url) return text;
    if (!/^https:\/\/[^\s"<>]+[^/]$/.test(url)) throw new Error(`加载项地址应为 https:// 开头、不以 / 结尾的网址，收到“${url}”`);
    return text.split("https://localhost:3000").join(url);
  };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const packs = bureauPacks(env.packs || process.env.BUDGET_DISCLOSURE_PACKS);
  const url = env.url || process.env.BUDGET_DISCLOSURE_URL;
  const meta = { csp: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(dev) } };
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        // Reached at start only through packs/index.ts's fallback for unvalidated packs, dead code once VALIDATED_BUILTIN_PACKS
        // is defined: marked free of side effects, the production build leaves them (and zod) to the chunk TemplatePane
        // loads when a pack file is opened. (The development build keeps them in; tests/e2e/production.test.ts checks.)
        { test: /src[\\/]domain[\\/](packs[\\/](validate|schema|checks|document)|catalog[\\/]amendment-schema)\.ts$/, sideEffects: false },
        {
          test: /\.tsx?$/,
          loader: "ts-loader",
          exclude: /node_modules/,
          // ES modules let webpack tree-shake Fluent UI (21 MB → 3.3 MB minified); Node keeps CommonJS (tsconfig).
          options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // The bureau's packs join the built-in ones (as `extends` bases in src/domain/packs/validate.ts; validated above).
      new webpack.DefinePlugin({ BUREAU_PACKS: JSON.stringify(packs), VALIDATED_BUILTIN_PACKS: JSON.stringify(JSON.stringify(validatedPacks(packs))) }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], meta }),
      // The same page under the name the preview host is announced with.
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], meta }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], meta }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          // office.js from the npm package, served by us: nothing is fetched from a CDN.
          { from: path.join(officeJs, "office.js") },
          { from: path.join(officeJs, "o15apptofilemappingtable.js") },
          { from: "excel*.js", context: officeJs, globOptions: { ignore: ["**/*.debug.js"] } },
          { from: "{zh-cn,en-us}/office_strings.js", context: officeJs },
          // The manifest a bureau's IT staff deploy, its URLs pointing at their server.
          { from: "manifest.xml", transform: manifestFor(url) },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.PORT) || 3000,
      // Only this machine: the figures never leave it.
      host: "localhost",
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: false },
      ...(process.env.HTTPS === "1" ? { server: httpsServer() } : {}),
    },
  };
};
