/** 导出 pane: the 情况说明 sheet, the export with its progress and blocking findings, the download, the charts. */
import * as React from "react";
import { Button, Checkbox, Field, Link, ProgressBar, Text, Tooltip } from "@fluentui/react-components";
import type { Finding } from "../domain/finding";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { catalogFor, type CheckSettings } from "./check-settings";
import { FindingItem } from "./FindingItem";
import { fileSize, insertChartSheets, runExport, writeNarrative, type ExportProgress } from "./export";
import { goToFinding, useAction } from "./hooks";
import { Status } from "./Status";
import { zh } from "../locale/zh-CN";

interface Download {
  url: string;
  fileName: string;
}

function progressText(p: ExportProgress): string {
  return p.step === "build" ? zh.export.stage(p.stage) : zh.export.stages[p.step];
}

export function ExportPane(props: { port: WorkbookPort; stamp: PackStamp | null; settings: CheckSettings }) {
  const { port, stamp, settings } = props;
  const { busy, message, setMessage, act } = useAction();
  const [draft, setDraft] = React.useState(false);
  const [progress, setProgress] = React.useState<ExportProgress | null>(null);
  const [blocking, setBlocking] = React.useState<Finding[]>([]);
  const [selected, setSelected] = React.useState<number | null>(null);
  const [download, setDownload] = React.useState<Download | null>(null);

  // A package's object URL holds its bytes until revoked: one at a time, and none after the pane is gone.
  React.useEffect(() => () => void (download && URL.revokeObjectURL(download.url)), [download]);

  // Checked as the 校验 pane checks: its 严格模式 and its imported catalogue.
  const setup = { stamp, catalogFor: catalogFor(settings.imported), year: settings.year };

  const exportPackage = () =>
    act(async () => {
      setBlocking([]);
      setSelected(null);
      setDownload(null);
      const outcome = await runExport(port, { ...setup, strict: settings.strict, draft }, setProgress);
      if (outcome.status === "noTables") return { intent: "error", text: zh.export.noTables };
      if (outcome.status === "refused") {
        setBlocking(outcome.errors);
        return { intent: "error", text: zh.export.refused(outcome.errors.length) };
      }
      const blob = new Blob([outcome.zip as Uint8Array<ArrayBuffer>], { type: "application/zip" });
      setDownload({ url: URL.createObjectURL(blob), fileName: outcome.fileName });
      const size = fileSize(outcome.zip.byteLength);
      const done = (outcome.draft ? zh.export.doneDraft : zh.export.done)(outcome.fileName, size);
      return { intent: "success", text: outcome.paged ? done : `${done}${zh.export.noPages}` };
    }).finally(() => setProgress(null));

  const narrative = () =>
    act(async () => {
      const outcome = await writeNarrative(port, setup);
      if (outcome.status === "noTables") return { intent: "error", text: zh.export.noTables };
      if (outcome.status === "exists") return { intent: "info", text: zh.export.narrativeExists(outcome.sheets) };
      return { intent: "success", text: zh.export.generated(outcome.sheets) };
    });

  const charts = () =>
    act(async () => {
      const { inserted, empty } = await insertChartSheets(port, stamp, setup.catalogFor, setup.year);
      const text = [...(inserted.length ? [zh.export.chartsInserted(inserted)] : []), ...(empty.length ? [zh.export.chartsEmpty(empty)] : [])];
      return { intent: inserted.length ? "success" : "info", text: text.join(" ") };
    });

  const select = async (f: Finding, i: number) => {
    setSelected(i);
    const problem = await goToFinding(port, f);
    if (problem) setMessage({ intent: "error", text: problem });
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Text size={200}>{zh.export.intro}</Text>

      <Section id="export-narrative" title={zh.export.narrative} hint={zh.export.narrativeHint}>
        <Button disabled={busy} onClick={() => void narrative()}>
          {zh.export.generate}
        </Button>
      </Section>

      <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        <Tooltip content={zh.export.draftHint} relationship="description">
          <Checkbox label={zh.export.draft} checked={draft} onChange={(_e, d) => setDraft(d.checked === true)} />
        </Tooltip>
        <div>
          <Button appearance="primary" disabled={busy} onClick={() => void exportPackage()}>
            {busy && progress ? zh.export.running : zh.export.run}
          </Button>
        </div>
      </div>

      {progress && (
        <Field validationMessage={progressText(progress)} validationState="none">
          <ProgressBar aria-label={progressText(progress)} value={progress.step === "build" ? progress.fraction : undefined} />
        </Field>
      )}
      <Status progress={null} message={message} testId="export-status">
        {download && (
          <Link href={download.url} download={download.fileName} data-testid="export-download" style={{ display: "inline-block", marginTop: 4 }}>
            {zh.export.download(download.fileName)}
          </Link>
        )}
      </Status>

      {blocking.length > 0 && (
        <section aria-labelledby="export-blocking" data-testid="export-blocking">
          <Text as="h2" id="export-blocking" weight="semibold" size={300} style={{ margin: "0 0 4px" }}>
            {zh.export.blocking}
          </Text>
          <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 4 }}>
            {blocking.map((f, i) => (
              <li key={`${i}:${f.rule}:${f.sheet}!${f.cell}`}>
                <FindingItem finding={f} current={selected === i} onSelect={() => void select(f, i)} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <Section id="export-charts" title={zh.export.charts} hint={zh.export.chartsHint}>
        <Button disabled={busy} onClick={() => void charts()}>
          {zh.export.insertCharts}
        </Button>
      </Section>
    </div>
  );
}

/** A titled part of the pane: what it does, then its button. */
function Section(props: { id: string; title: string; hint: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={props.id} style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Text as="h2" id={props.id} weight="semibold" size={300} style={{ margin: 0 }}>
        {props.title}
      </Text>
      <Text size={200}>{props.hint}</Text>
      <div>{props.children}</div>
    </section>
  );
}
