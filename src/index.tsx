/**
 * The composition root of the task pane page, and the only module that joins its parts: inside Excel the panes work
 * on the workbook through the Excel adapter; anywhere else (Office.onReady reports no host, or office.js is missing)
 * the page becomes the preview host, the same panes beside an in-memory workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createExcelPort } from "./excel/workbook";
import { App, type PaneTab } from "./taskpane/App";

const frame = (child: React.ReactNode) => (
  <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
    {child}
  </FluentProvider>
);

/**
 * The preview host, a chunk of its own with the samples (Excel never loads it). ?empty opens it on a blank workbook,
 * ?sample=<id> on that sample, else on the 晋城 sample. The pane is remounted on each workbook loaded, to start from its
 * stamp, but stays on the tab the user was on.
 */
async function preview(): Promise<React.ReactNode> {
  const [{ PreviewApp }, { MemoryWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "preview" */ "./preview/PreviewApp"),
    import(/* webpackChunkName: "preview" */ "./preview/memory-workbook"),
  ]);
  const workbook = new MemoryWorkbook();
  function Preview() {
    const [tab, setTab] = React.useState<PaneTab>("template");
    return (
      <PreviewApp
        workbook={workbook}
        query={window.location.search}
        renderPane={(generation) => <App key={generation} port={workbook} tab={tab} onTab={setTab} />}
      />
    );
  }
  return <Preview />;
}

async function start(host: Office.HostType | null) {
  const root = createRoot(document.getElementById("root")!);
  const inExcel = typeof Office !== "undefined" && host === Office.HostType.Excel;
  root.render(frame(inExcel ? <App port={createExcelPort()} /> : await preview()));
}

if (typeof Office === "undefined") void start(null);
else void Office.onReady((info) => start(info.host ?? null));
