/* Builds the task pane (also the preview host when opened outside Office) and the ribbon's function file. */
const path = require("path");
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

module.exports = (_env, argv = {}) => {
  const dev = argv.mode !== "production";
  const meta = { csp: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(dev) } };
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
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
