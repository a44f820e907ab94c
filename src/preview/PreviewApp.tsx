/** The add-in without Excel: the task pane beside an in-memory workbook, with the built-in samples at hand. */
import * as React from "react";
import {
  Button,
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { builtinPack } from "../domain/packs";
import { samplePlans } from "../domain/samples/workbook";
import { renderTables } from "../domain/render/render";
import { stampOf } from "../domain/stamp";
import type { Sample } from "../domain/samples";
import { zh } from "../locale/zh-CN";
import { GridView } from "./GridView";
import { MemoryWorkbook } from "./memory-workbook";
import { SAMPLE_ENTRIES, initialSample, type SampleEntry } from "./samples";

/**
 * Replaces the workbook with a whole sample — its tables, input sheets, forms and texts — stamped as if the task pane
 * had inserted them; resolves to the number of its tables.
 */
export async function loadSample(workbook: MemoryWorkbook, sample: Sample, tablesOnly = false): Promise<number> {
  const pack = builtinPack(sample.pack);
  const { department, year, rows } = sample;
  const plans = tablesOnly ? renderTables(pack, { department, year, rows }) : samplePlans(pack, sample);
  workbook.clear();
  await workbook.apply(plans, stampOf(pack, department, year));
  return plans.filter((p) => pack.tables.some((t) => t.id === p.tableId)).length;
}

/** The samples by pack, in the order of SAMPLES: one group of the menu per pack. */
function byPack(entries: readonly SampleEntry[]): { pack: string; name: string; entries: SampleEntry[] }[] {
  const groups: { pack: string; name: string; entries: SampleEntry[] }[] = [];
  for (const entry of entries) {
    const group = groups.find((g) => g.pack === entry.sample.pack);
    if (group) group.entries.push(entry);
    else groups.push({ pack: entry.sample.pack, name: builtinPack(entry.sample.pack).name, entries: [entry] });
  }
  return groups;
}

/** 载入示例: a menu of the samples, grouped under their packs' names. */
function SampleMenu(props: { onLoad: (entry: SampleEntry) => void }) {
  const groups = React.useMemo(() => byPack(SAMPLE_ENTRIES), []);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small">{zh.preview.loadSample}</MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {groups.map((g) => (
            <MenuGroup key={g.pack}>
              <MenuGroupHeader>{g.name}</MenuGroupHeader>
              {g.entries.map((e) => (
                <MenuItem key={e.id} data-sample={e.id} onClick={() => props.onLoad(e)}>
                  {e.label}
                </MenuItem>
              ))}
            </MenuGroup>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * `query`: the page's search string — ?empty, ?sample=<id>[&tables], or nothing for the 晋城 sample. `renderPane`: the
 * task pane over this workbook (given by the composition root: preview/ does not import taskpane/); `generation`
 * counts the times the workbook was replaced.
 */
export function PreviewApp(props: { workbook: MemoryWorkbook; query: string; renderPane: (generation: number) => React.ReactNode }) {
  const { workbook } = props;
  // The task pane re-reads the workbook's stamp when it is remounted after the workbook is replaced.
  const [generation, setGeneration] = React.useState(0);
  const [note, setNote] = React.useState<{ intent: "info" | "warning"; text: string } | null>(null);
  const [start] = React.useState(() => initialSample(props.query));

  const load = React.useCallback(
    async (sample: Sample, tablesOnly = false) => {
      const tables = await loadSample(workbook, sample, tablesOnly);
      setGeneration((g) => g + 1);
      setNote({ intent: "info", text: zh.preview.sampleLoaded(sample.department, sample.year, tables) });
    },
    [workbook],
  );

  React.useEffect(() => {
    if (start.entry) void load(start.entry.sample, start.tablesOnly);
    else if (start.unknown)
      setNote({ intent: "warning", text: zh.preview.unknownSample(start.unknown, SAMPLE_ENTRIES.map((e) => e.id)) });
  }, [start, load]);

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100vh" }}>
      <header style={{ display: "flex", gap: 8, alignItems: "center", padding: "6px 12px", background: "#217346", color: "#fff" }}>
        <strong>{zh.appTitle}</strong>
        <span style={{ flex: 1 }}>{zh.preview.banner}</span>
        <SampleMenu onLoad={(e) => void load(e.sample)} />
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
        <MessageBar intent={note.intent} role="status" data-testid="preview-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", flex: 1, minHeight: 0 }}>
        <main style={{ flex: 1, minWidth: 0 }} aria-label={zh.preview.workbook}>
          <GridView workbook={workbook} />
        </main>
        <aside style={{ width: 380, borderLeft: "1px solid #ddd", overflowY: "auto" }} aria-label={zh.preview.pane}>
          {props.renderPane(generation)}
        </aside>
      </div>
    </div>
  );
}
