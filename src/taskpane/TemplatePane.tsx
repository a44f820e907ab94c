/** 模板 pane: department, year, tables (and codes) → the official tables in the workbook. */
import { packHash } from "../domain/packs/versions";
import { NewWorkbook } from "./NewWorkbook";
import * as React from "react";
import { flushSync } from "react-dom";
import { Button, Checkbox, Dropdown, Field, Input, Option, SpinButton, Text } from "@fluentui/react-components";
import { builtinCatalog, type CatalogEntry } from "../domain/catalog/catalog";
import { FIRST_YEAR, LAST_YEAR, isBudgetYear } from "../domain/budget-year";
import { builtinPacks, type Pack } from "../domain/packs";
import type { PackStamp, WorkbookPort } from "../domain/port";
import type { TableRows } from "../domain/render/render";
import { ConflictDialog } from "./ConflictDialog";
import { CodePicker } from "./CodePicker";
import { inputSheetNames, insertInputSheets } from "./export";
import { FileButton } from "./FileButton";
import { insertTables, type Conflict, type InsertStage, type Resolution } from "./insert";
import { Status, type Message } from "./Status";
import { zh } from "../locale/zh-CN";
import { errorText, useReveal } from "./hooks";
import { codeRows, functionalCodeTables } from "../domain/render/code-rows";

/** Budgets are prepared in the autumn for the coming year. */
export function defaultYear(now = new Date()): number {
  return now.getMonth() >= 9 ? now.getFullYear() + 1 : now.getFullYear();
}

/**
 * The department of the pack's sample, as the example under 部门名称: the samples are a chunk of their own (their
 * figures are most of it), loaded after the pane shows; until then the generic example stands.
 */
function useSampleDepartment(pack: Pack): string | undefined {
  const [department, setDepartment] = React.useState<string>();
  React.useEffect(() => {
    let live = true;
    setDepartment(undefined);
    void import(/* webpackChunkName: "samples" */ "../domain/samples").then((m) => live && setDepartment(m.sampleOf(pack)?.department));
    return () => {
      live = false;
    };
  }, [pack]);
  return department;
}

export function TemplatePane(props: { port: WorkbookPort; stamp: PackStamp | null; onInserted: () => void }) {
  const { port, stamp, onInserted } = props;
  const [packs, setPacks] = React.useState<Pack[]>(() => builtinPacks());
  const [packId, setPackId] = React.useState(packs[0].id);
  const pack = packs.find((p) => p.id === packId) ?? packs[0];
  const [department, setDepartment] = React.useState("");
  const [year, setYear] = React.useState<number | null>(defaultYear());
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(pack.tables.map((t) => t.id)));
  const [codes, setCodes] = React.useState<CatalogEntry[]>([]);
  const [withInputs, setWithInputs] = React.useState(false);
  const [stage, setStage] = React.useState<InsertStage | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [conflicts, setConflicts] = React.useState<{ list: Conflict[]; answer: (r: Resolution | null) => void } | null>(null);
  // The fields say what is wrong with them once the user has tried to insert.
  const [tried, setTried] = React.useState(false);
  const departmentInput = React.useRef<HTMLInputElement>(null);
  const yearInput = React.useRef<HTMLInputElement>(null);
  // The result lands under the button, which may be the last thing in view.
  const { ref: result, reveal } = useReveal<HTMLDivElement>();

  const catalog = React.useMemo(() => builtinCatalog(year ?? defaultYear()), [year]);

  const selectPack = (next: Pack) => {
    setPackId(next.id);
    setChosen(new Set(next.tables.map((t) => t.id)));
  };

  // A workbook the add-in stamped before: start from its pack, department and year.
  React.useEffect(() => {
    if (!stamp) return;
    const stamped = packs.find((p) => p.id === stamp.pack);
    if (stamped && stamped.id !== packId) selectPack(stamped);
    setDepartment((d) => d || stamp.department);
    setYear(stamp.year);
    setMessage((m) => m ?? { intent: "info", text: zh.template.stampNote(stamp.department, stamp.year) });
  }, [stamp]);

  const allChosen = pack.tables.every((t) => chosen.has(t.id));
  const codeTables = React.useMemo(() => functionalCodeTables(pack), [pack]);
  const wantsCodes = codeTables.some((t) => chosen.has(t.id));
  // What 同时插入… adds for this pack.
  const inputSheets = inputSheetNames(pack);
  const example = useSampleDepartment(pack) ?? zh.template.departmentExample;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const loadPack = async (file: File) => {
    try {
      // Validating a pack (zod and the schemas) is loaded only now: the built-in packs were validated at build time.
      const { decodePackFile, parsePackJson } = await import(/* webpackChunkName: "pack-file" */ "../domain/packs/validate");
      const loaded = parsePackJson(decodePackFile(new Uint8Array(await file.arrayBuffer())));
      setPacks([...packs.filter((p) => p.id !== loaded.id), loaded]);
      selectPack(loaded);
      setMessage({ intent: "success", text: zh.template.packLoaded(loaded.name) });
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    }
    reveal();
  };

  const dept = department.trim();
  const departmentProblem = dept ? undefined : zh.errors.department;
  const yearProblem = year !== null && isBudgetYear(year) ? undefined : zh.errors.year;

  const insert = async () => {
    // Drawn now, so that the field focused already says what is wrong with it.
    flushSync(() => setTried(true));
    const invalid = departmentProblem ? departmentInput : yearProblem ? yearInput : null;
    if (invalid) {
      invalid.current?.focus();
      return;
    }
    if (chosen.size === 0) {
      setMessage({ intent: "error", text: zh.errors.tables });
      reveal();
      return;
    }
    setMessage(null);
    const tables = pack.tables.filter((t) => chosen.has(t.id));
    const rows: TableRows = {};
    if (codes.length)
      for (const t of codeTables.filter((t) => chosen.has(t.id)))
        rows[t.id] = codeRows(
          t,
          codes.map((c) => c.code),
          (code) => catalog.get("functional", code)?.name,
        );
    try {
      const result = await insertTables(
        port,
        { pack, department: dept, year: year!, tables: tables.map((t) => t.id), rows },
        (list) => new Promise((answer) => setConflicts({ list, answer })),
        setStage,
      );
      if (result.status === "cancelled") setMessage({ intent: "info", text: zh.template.cancelled });
      else {
        // The insert stamped the workbook: the other panes check and export by the new stamp.
        if (result.inserted.length) onInserted();
        // After the tables, so that the forms follow the projects of a forms table (document.forms) already filled in.
        const extra = withInputs ? await insertInputSheets(port, { pack, department: dept, year: year! }) : { inserted: [], kept: [] };
        const parts = [
          result.inserted.length ? zh.template.inserted(result.inserted.length, result.inserted) : zh.template.nothing,
          ...(result.skipped.length ? [zh.template.skipped(result.skipped)] : []),
          ...(extra.inserted.length ? [zh.template.insertedInputs(extra.inserted)] : []),
          ...(extra.kept.length ? [zh.template.kept(extra.kept)] : []),
        ];
        setMessage({ intent: result.inserted.length + extra.inserted.length ? "success" : "info", text: parts.join(" ") });
      }
    } catch (e) {
      setMessage({ intent: "error", text: errorText(e) });
    } finally {
      setStage(null);
      reveal();
    }
  };

  return (
    <>
    <form
      // The fields below say in Chinese what is missing: the browser's own bubbles would say it in English.
      noValidate
      style={{ display: "flex", flexDirection: "column", gap: 12 }}
      onSubmit={(e) => {
        e.preventDefault();
        void insert();
      }}
    >
      <Field label={zh.template.pack} hint={zh.template.packVersion(pack.version, pack.publisher, pack.year, packHash(pack))}>
        <Dropdown
          value={pack.name}
          selectedOptions={[pack.id]}
          onOptionSelect={(_e, d) => {
            const next = packs.find((p) => p.id === d.optionValue);
            if (next) selectPack(next);
          }}
        >
          {packs.map((p) => (
            <Option key={p.id} value={p.id}>
              {p.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div>
        <FileButton size="small" label={zh.template.loadPack} accept=".json,application/json" testId="pack-file" onFile={(f) => void loadPack(f)} />
      </div>
      <Field
        label={zh.template.department}
        hint={zh.template.departmentHint(pack.departmentLabel, example)}
        required
        validationMessage={tried ? departmentProblem : undefined}
      >
        <Input ref={departmentInput} value={department} onChange={(_e, d) => setDepartment(d.value)} />
      </Field>
      <Field label={zh.template.year} required validationMessage={tried ? yearProblem : undefined}>
        <SpinButton
          ref={yearInput}
          value={year}
          min={FIRST_YEAR}
          max={LAST_YEAR}
          onChange={(_e, d) => {
            const v = d.value ?? (d.displayValue !== undefined ? Number.parseInt(d.displayValue, 10) : null);
            setYear(v === null || Number.isNaN(v) ? null : v);
          }}
        />
      </Field>
      <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, marginBottom: 4 }}>{zh.template.tables}</legend>
        <Checkbox
          label={zh.template.all}
          checked={allChosen ? true : chosen.size === 0 ? false : "mixed"}
          onChange={(_e, d) => setChosen(d.checked === true ? new Set(pack.tables.map((t) => t.id)) : new Set())}
        />
        <div style={{ display: "flex", flexDirection: "column", paddingLeft: 16 }}>
          {pack.tables.map((t) => (
            <Checkbox
              key={t.id}
              label={`${t.number}. ${t.title.replace(/\{year\}/g, String(year ?? ""))}`}
              checked={chosen.has(t.id)}
              onChange={(_e, d) => toggle(t.id, d.checked === true)}
            />
          ))}
        </div>
      </fieldset>
      <Checkbox
        label={zh.template.withInputs(inputSheets.all)}
        checked={withInputs}
        onChange={(_e, d) => setWithInputs(d.checked === true)}
        aria-describedby="with-inputs-hint"
      />
      <Text id="with-inputs-hint" size={200} style={{ marginTop: -8, paddingLeft: 32 }}>
        {zh.template.withInputsHint(inputSheets.inputs, inputSheets.formsTable)}
      </Text>
      {wantsCodes && (
        <CodePicker
          label={zh.template.codes(codeTables.map((t) => t.number))}
          search={(q, limit) => catalog.search("functional", q, limit)}
          chosen={codes}
          onChange={setCodes}
        />
      )}
      <Button appearance="primary" type="submit" disabled={stage !== null}>
        {stage ? zh.template.inserting : zh.template.insert}
      </Button>
      <Status ref={result} progress={stage && zh.template.stages[stage]} message={message} testId="template-status" />
      {conflicts && (
        <ConflictDialog
          conflicts={conflicts.list}
          onDone={(answer) => {
            conflicts.answer(answer);
            setConflicts(null);
          }}
        />
      )}
    </form>
    <NewWorkbook port={port} stamp={stamp} pack={pack} />
    </>
  );
}
