/**
 * Entry of the task pane page. Inside Excel it works on the workbook through the Excel adapter; anywhere
 * else (Office.onReady reports no host, or office.js is missing) it becomes the preview host.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createExcelPort } from "../excel/workbook";
import { MemoryWorkbook } from "../preview/memory-workbook";
import { PreviewApp } from "../preview/PreviewApp";
import { App } from "./App";

function start(host: Office.HostType | null) {
  const root = createRoot(document.getElementById("root")!);
  const inExcel = typeof Office !== "undefined" && host === Office.HostType.Excel;
  // ?empty opens the preview on a blank workbook, ?sample=<id> on that sample, else on the 晋城 sample.
  root.render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      {inExcel ? <App port={createExcelPort()} /> : <PreviewApp workbook={new MemoryWorkbook()} query={window.location.search} />}
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") start(null);
else void Office.onReady((info) => start(info.host ?? null));
