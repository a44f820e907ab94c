/** The add-in without Excel: the task pane beside an in-memory workbook, with the 晋城 and 大同 samples at hand. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { builtinPack } from "../domain/packs";
import { renderTables } from "../domain/render/render";
import { datongSample, jinchengSample, type Sample } from "../domain/samples";
import { App } from "../taskpane/App";
import { zh } from "../taskpane/zh-CN";
import { GridView } from "./GridView";
import { MemoryWorkbook } from "./memory-workbook";

/** Replaces the workbook with a sample's 13 tables, stamped as if the task pane had inserted them. */
export async function loadSample(workbook: MemoryWorkbook, sample: Sample): Promise<number> {
  const pack = builtinPack(sample.pack);
  const { department, year, rows } = sample;
  const plans = renderTables(pack, { department, year, rows });
  workbook.clear();
  await workbook.apply(plans, { pack: pack.id, version: pack.version, department, year });
  return plans.length;
}

export function PreviewApp(props: { workbook: MemoryWorkbook; withSample: boolean }) {
  const { workbook } = props;
  // The task pane re-reads the workbook's stamp when it is remounted after the workbook is replaced.
  const [generation, setGeneration] = React.useState(0);
  const [note, setNote] = React.useState<string | null>(null);

  const load = React.useCallback(
    async (sample: Sample) => {
      const tables = await loadSample(workbook, sample);
      setGeneration((g) => g + 1);
      setNote(zh.preview.sampleLoaded(sample.department, sample.year, tables));
    },
    [workbook],
  );

  React.useEffect(() => {
    if (props.withSample) void load(jinchengSample);
  }, [props.withSample, load]);

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100vh" }}>
      <header style={{ display: "flex", gap: 8, alignItems: "center", padding: "6px 12px", background: "#217346", color: "#fff" }}>
        <strong>{zh.appTitle}</strong>
        <span style={{ flex: 1 }}>{zh.preview.banner}</span>
        <Button size="small" onClick={() => void load(jinchengSample)}>
          {zh.preview.loadJincheng}
        </Button>
        <Button size="small" onClick={() => void load(datongSample)}>
          {zh.preview.loadDatong}
        </Button>
        <Button
          size="small"
          onClick={() => {
            workbook.clear();
            setGeneration((g) => g + 1);
            setNote(null);
          }}
        >
          {zh.preview.newWorkbook}
        </Button>
      </header>
      {note && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", flex: 1, minHeight: 0 }}>
        <main style={{ flex: 1, minWidth: 0 }} aria-label={zh.preview.workbook}>
          <GridView workbook={workbook} />
        </main>
        <aside style={{ width: 380, borderLeft: "1px solid #ddd", overflowY: "auto" }} aria-label={zh.preview.pane}>
          <App key={generation} port={workbook} />
        </aside>
      </div>
    </div>
  );
}
