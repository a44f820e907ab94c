/** The task pane: 模板, 校验 and 导出. */
import * as React from "react";
import { Tab, TabList, Text } from "@fluentui/react-components";
import { builtinCatalog } from "../domain/catalog/catalog";
import { codeNameFill } from "../domain/code-names";
import type { WorkbookPort } from "../domain/port";
import { CheckPane } from "./CheckPane";
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from "./check-settings";
import { ExportPane } from "./ExportPane";
import { TemplatePane } from "./TemplatePane";
import { zh } from "../locale/zh-CN";
import { useEditEvents, useStamp } from "./hooks";

/**
 * Fill the catalogue name beside each code the user types, wherever a code column stands. Hosts without edit events
 * (before ExcelApi 1.9) simply go without.
 */
function useCodeNames(port: WorkbookPort) {
  const catalog = React.useMemo(() => builtinCatalog(new Date().getFullYear()), []);
  useEditEvents(port, async (ref) => {
    try {
      const [grid] = await port.readGrids([ref.sheet]);
      const fill = grid && codeNameFill(grid, ref.cell, (kind, code) => catalog.get(kind, code)?.name);
      if (fill) await port.fillEmptyCells([fill]);
    } catch {
      // Autofill is a convenience: a failed read must never disturb the user's typing.
    }
  });
}

export type PaneTab = "template" | "check" | "export";

/** `tab`, `onTab`: the tab held by whoever remounts the pane (the preview host, on a new workbook); else the pane holds it. */
export function App(props: { port: WorkbookPort; tab?: PaneTab; onTab?: (tab: PaneTab) => void }) {
  const { port } = props;
  const [ownTab, setOwnTab] = React.useState<PaneTab>("template");
  const tab = props.tab ?? ownTab;
  const setTab = props.onTab ?? setOwnTab;
  // 校验 and 导出 check the same way: one 严格模式 switch, one imported catalogue.
  const [settings, setSettings] = React.useState<CheckSettings>(DEFAULT_CHECK_SETTINGS);
  const { stamp, refresh } = useStamp(port);
  useCodeNames(port);
  return (
    <div style={{ padding: 12, display: "flex", flexDirection: "column", gap: 8 }}>
      <Text as="h1" weight="semibold" size={500} style={{ margin: 0 }}>
        {zh.appTitle}
      </Text>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as PaneTab)} aria-label={zh.appTitle}>
        <Tab value="template" id="tab-template">
          {zh.tabs.template}
        </Tab>
        <Tab value="check" id="tab-check">
          {zh.tabs.check}
        </Tab>
        <Tab value="export" id="tab-export">
          {zh.tabs.export}
        </Tab>
      </TabList>
      {/* The panes stay mounted, so switching tabs keeps the findings, the form and the download. */}
      <div role="tabpanel" aria-labelledby="tab-template" hidden={tab !== "template"}>
        <TemplatePane port={port} stamp={stamp} onInserted={refresh} />
      </div>
      <div role="tabpanel" aria-labelledby="tab-check" hidden={tab !== "check"}>
        <CheckPane port={port} stamp={stamp} settings={settings} onSettings={setSettings} />
      </div>
      <div role="tabpanel" aria-labelledby="tab-export" hidden={tab !== "export"}>
        <ExportPane port={port} stamp={stamp} settings={settings} />
      </div>
    </div>
  );
}
