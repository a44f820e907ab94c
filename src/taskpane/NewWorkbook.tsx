/**
 * Under the 模板 pane's form: a new workbook made from this one, to download — its tables moved to the pack version
 * selected above (升级模板), or next year's workbook (生成下一年度). The open workbook is never changed.
 */
import * as React from "react";
import { Button, Link, Text } from "@fluentui/react-components";
import { builtinCatalog } from "../domain/catalog/catalog";
import { findBuiltinPack, type Pack } from "../domain/packs";
import { packRelation } from "../domain/packs/versions";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { departmentIn, statedYearOf } from "../domain/read/basis";
import { readDisclosure } from "../domain/read/read";
import type { SheetPlan } from "../domain/render/plan";
import { rollover } from "../domain/rollover";
import { upgradeWorkbook } from "../domain/upgrade";
import { useAction } from "./hooks";
import { packOf } from "./pack";
import { Status } from "./Status";
import { zh } from "../locale/zh-CN";

interface Download {
  url: string;
  fileName: string;
}

/** The plans as an .xlsx to download; exceljs is loaded only now. */
async function downloadOf(plans: SheetPlan[], fileName: string): Promise<Download> {
  const { plansToXlsx } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/write-plans");
  const bytes = await plansToXlsx(plans);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  return { url: URL.createObjectURL(blob), fileName };
}

export function NewWorkbook(props: { port: WorkbookPort; stamp: PackStamp | null; pack: Pack }) {
  const { port, stamp, pack } = props;
  const { busy, message, act } = useAction();
  const [download, setDownload] = React.useState<Download | null>(null);
  React.useEffect(() => () => void (download && URL.revokeObjectURL(download.url)), [download]);

  // An upgrade is offered when the workbook was made with an older version of the pack selected.
  const relation = stamp ? packRelation(stamp, pack) : null;
  const from = stamp ? findBuiltinPack(stamp.pack) : undefined;
  const canUpgrade = relation?.kind === "upgrade" && from !== undefined && from.version === stamp!.version;
  const next = stamp ? stamp.year + 1 : null;

  const upgrade = () =>
    act(async () => {
      const moved = upgradeWorkbook(from!, pack, await port.readGrids(), stamp);
      setDownload(await downloadOf(moved.plans, zh.years.upgradedName(moved.department, moved.year, pack.version)));
      const lost = moved.lost.map((l) => `'${l.sheet}'!${l.cell}（${l.why}）`);
      return { intent: lost.length ? "warning" : "success", text: zh.years.upgraded(pack.version, moved.carried, moved.added, lost) };
    });

  const rollOver = () =>
    act(async () => {
      const grids = await port.readGrids();
      const current = packOf(stamp, grids);
      const disclosure = readDisclosure(current, grids);
      const year = statedYearOf(disclosure, grids, stamp);
      if (year === null) return { intent: "error", text: zh.years.noYear };
      const department = departmentIn(disclosure, grids, stamp);
      const result = rollover({ pack: current, next: pack.id === current.id || pack.year === year + 1 ? pack : current, grids, catalog: builtinCatalog(year), department, year });
      setDownload(await downloadOf(result.plans, zh.years.rolledName(department, year + 1)));
      const previous = Object.values(result.previous.amounts).filter((v) => v !== null).length;
      return { intent: "success", text: zh.years.rolled(year + 1, previous) };
    });

  return (
    <section aria-labelledby="new-workbook" style={{ display: "flex", flexDirection: "column", gap: 8, marginTop: 16 }}>
      <Text id="new-workbook" weight="semibold">
        {zh.years.title}
      </Text>
      <Text size={200}>{canUpgrade ? zh.years.hint : zh.years.hintNoUpgrade}</Text>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {canUpgrade && (
          <Button disabled={busy} onClick={() => void upgrade()}>
            {zh.years.upgrade(stamp!.version, pack.version)}
          </Button>
        )}
        <Button disabled={busy} onClick={() => void rollOver()}>
          {next ? zh.years.rollover(next) : zh.years.rolloverAny}
        </Button>
      </div>
      <Status progress={busy ? zh.years.working : null} message={message} testId="new-workbook-status" />
      {download && (
        <Link href={download.url} download={download.fileName} data-testid="new-workbook-download">
          {zh.years.download(download.fileName)}
        </Link>
      )}
    </section>
  );
}
