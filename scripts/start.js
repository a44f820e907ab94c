#!/usr/bin/env node
// `npm start`: on Windows and macOS, sideloads the add-in into desktop Excel; elsewhere, or with
// --preview or BUDGET_PREVIEW=1, serves the in-browser preview (port: env PORT, default 3000).
"use strict";

const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const net = require("net");
const os = require("os");
const path = require("path");

const repoRoot = path.resolve(__dirname, "..");
const MANIFEST_PORT = 3000; // manifest.xml points Excel at https://localhost:3000

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function previewPort() {
  const port = Number(process.env.PORT || MANIFEST_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`环境变量 PORT 无效：${process.env.PORT}（应为 1–65535 的整数）`);
    process.exit(1);
  }
  return port;
}

async function startPreview() {
  const port = previewPort();
  if (await portInUse(port)) {
    console.error(`端口 ${port} 已被占用（预览可能已在运行）。可设置环境变量 PORT 换一个端口，例如 PORT=${port + 1}。`);
    process.exit(1);
  }
  // Plain HTTP whatever the environment says: the preview runs in an ordinary browser, without Office.
  const child = spawn(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development", "--port", String(port), "--server-type", "http"],
    { cwd: repoRoot, stdio: "inherit" },
  );
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  let running = true;
  child.on("exit", (code, signal) => {
    running = false;
    if (code !== 0 && signal === null) console.error("预览服务器已退出，请查看上方的错误信息。");
    process.exit(code ?? 0);
  });
  while (running && !(await portInUse(port))) await delay(500);
  if (!running) return;
  // The server answers a page only once webpack's first compile is done: until then the URL would hang in the browser.
  console.log("正在编译任务窗格（首次约需一分钟）……");
  const started = Date.now();
  const status = await pageStatus(`http://localhost:${port}/preview.html`);
  if (status !== 200) {
    console.error(`预览页面未能打开（HTTP ${status}），请查看上方的编译错误。`);
    return;
  }
  console.log(`编译完成（${Math.round((Date.now() - started) / 1000)} 秒）。预览已启动：http://localhost:${port}/preview.html （在浏览器中打开；按 Ctrl+C 结束）`);
}

/** The HTTP status of a page, waiting as long as the server takes to answer. */
function pageStatus(url) {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .on("error", () => resolve(0));
  });
}

function excelInstalled() {
  if (process.platform === "darwin") {
    return ["/Applications", path.join(os.homedir(), "Applications")].some((dir) =>
      fs.existsSync(path.join(dir, "Microsoft Excel.app")),
    );
  }
  // Office registers excel.exe under App Paths, per machine or per user.
  return ["HKLM", "HKCU"].some(
    (hive) =>
      spawnSync("reg", ["query", `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`], {
        stdio: "ignore",
      }).status === 0,
  );
}

// Runs an Office dev tool through npx, echoing its output and keeping a copy: these tools report
// some failures only in text and still exit with 0.
function runNpx(command) {
  return new Promise((resolve) => {
    const child = spawn(`npx --yes ${command}`, {
      cwd: repoRoot,
      shell: true,
      stdio: ["inherit", "pipe", "pipe"],
      // The dev server that office-addin-debugging starts inherits this: Excel only loads add-ins over HTTPS.
      env: { ...process.env, HTTPS: "1", PORT: String(MANIFEST_PORT) },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on("error", (err) => resolve({ failed: true, output: output + String(err) }));
    child.on("close", (code) => resolve({ failed: code !== 0 || /^Error:|Unable to/m.test(output), output }));
  });
}

// Lines office-addin-debugging itself prints: without them, npx could not fetch or run it.
const TOOL_RAN = /Debugging is being started|Starting without debugging|Unable to start debugging/;

const KNOWN_FAILURES = [
  [/dev server is not running/i, `开发服务器未能在端口 ${MANIFEST_PORT} 启动：请运行 npm run dev-server 查看错误，或检查端口是否被占用。`],
  [/Unable to sideload/i, "未能把加载项装入 Excel：请确认 Excel 已激活且版本不低于 Office 2019 或 Microsoft 365，然后关闭所有 Excel 窗口再试。"],
];

function failureReasons(output) {
  if (!TOOL_RAN.test(output)) {
    return ["未能下载或安装调试工具 office-addin-debugging（首次运行需联网）：可运行 npx --yes office-addin-debugging --version 查看详情。"];
  }
  const known = KNOWN_FAILURES.filter(([pattern]) => pattern.test(output)).map(([, reason]) => reason);
  return known.length > 0 ? known : ["原因见上方的英文输出。"];
}

function fallBackToPreview(reasons) {
  console.error("加载项未能装入 Excel 桌面版：");
  for (const reason of reasons) console.error(`  · ${reason}`);
  console.log("改为启动浏览器预览。");
  return startPreview();
}

async function startDesktop() {
  if (!excelInstalled()) {
    console.log("未找到 Excel 桌面版，改为启动浏览器预览。");
    return startPreview();
  }
  if (process.env.PORT && Number(process.env.PORT) !== MANIFEST_PORT) {
    console.log(`注意：PORT 只用于浏览器预览；Excel 加载项固定使用 manifest.xml 中的端口 ${MANIFEST_PORT}。`);
  }
  console.log("正在把“部门预算公开助手”装入 Excel 桌面版（首次运行需联网下载调试工具，并会请求信任开发证书）……");
  // Excel refuses https://localhost unless its certificate is trusted; this is a no-op once done.
  const certs = await runNpx("office-addin-dev-certs install");
  if (certs.failed) {
    return fallBackToPreview(["未能安装或信任开发证书：请运行 npx office-addin-dev-certs install 查看详情。"]);
  }
  const debugging = await runNpx(
    `office-addin-debugging start manifest.xml desktop --app excel --dev-server "npm run dev-server" --dev-server-port ${MANIFEST_PORT}`,
  );
  if (!debugging.failed) {
    console.log("Excel 已启动：在“开始”选项卡点击“预算公开”打开任务窗格。");
    console.log("结束调试（卸下加载项并关闭开发服务器）：npx office-addin-debugging stop manifest.xml");
    return;
  }
  // Stop the dev server it may have left running, so that the preview can have the port.
  if (TOOL_RAN.test(debugging.output)) await runNpx("office-addin-debugging stop manifest.xml");
  return fallBackToPreview(failureReasons(debugging.output));
}

const wantsPreview =
  process.argv.includes("--preview") ||
  process.env.BUDGET_PREVIEW === "1" ||
  !["win32", "darwin"].includes(process.platform);

(wantsPreview ? startPreview() : startDesktop()).catch((err) => {
  console.error(`启动失败：${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
