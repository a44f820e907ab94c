/** Asks, for each sheet name already taken, whether to insert under a new name or skip the table. */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
} from "@fluentui/react-components";
import { sheetNameProblem } from "../domain/render/sheet-names";
import type { Conflict, Resolution } from "./insert";
import { zh } from "../locale/zh-CN";


export function ConflictDialog(props: { conflicts: Conflict[]; onDone: (answer: Resolution | null) => void }) {
  const { conflicts, onDone } = props;
  const [names, setNames] = React.useState<Record<string, string>>(() =>
    Object.fromEntries(conflicts.map((c) => [c.tableId, c.suggested])),
  );
  const [skip, setSkip] = React.useState<Record<string, boolean>>({});
  const invalid = conflicts.some((c) => !skip[c.tableId] && sheetNameProblem(names[c.tableId] ?? "") !== null);

  const confirm = () =>
    onDone(Object.fromEntries(conflicts.map((c) => [c.tableId, skip[c.tableId] ? null : names[c.tableId].trim()])));

  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onDone(null)}>
      <DialogSurface aria-describedby="conflict-intro">
        <DialogBody>
          <DialogTitle>{zh.conflict.title}</DialogTitle>
          <DialogContent>
            <p id="conflict-intro">{zh.conflict.intro}</p>
            {conflicts.map((c) => (
              <fieldset key={c.tableId} style={{ border: "none", padding: 0, margin: "0 0 12px" }}>
                <legend style={{ fontWeight: 600 }}>{c.name}</legend>
                <RadioGroup
                  layout="horizontal"
                  value={skip[c.tableId] ? "skip" : "rename"}
                  onChange={(_e, d) => setSkip({ ...skip, [c.tableId]: d.value === "skip" })}
                >
                  <Radio value="rename" label={zh.conflict.rename} />
                  <Radio value="skip" label={zh.conflict.skip} />
                </RadioGroup>
                {!skip[c.tableId] && (
                  <Field
                    label={zh.conflict.newName(c.name)}
                    validationMessage={sheetNameProblem(names[c.tableId] ?? "") ?? undefined}
                  >
                    <Input value={names[c.tableId]} onChange={(_e, d) => setNames({ ...names, [c.tableId]: d.value })} />
                  </Field>
                )}
              </fieldset>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={invalid} onClick={confirm}>
              {zh.conflict.confirm}
            </Button>
            <Button onClick={() => onDone(null)}>{zh.conflict.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
