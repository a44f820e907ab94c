/** Explaining a finding (已说明): a sentence kept in the workbook; or taking an explanation back. */
import * as React from "react";
import { Button, Field, Textarea } from "@fluentui/react-components";
import type { Finding } from "../domain/finding";
import { zh } from "../locale/zh-CN";

export function Explain(props: { finding: Finding; disabled: boolean; onExplain: (text: string) => void }) {
  const { finding, disabled, onExplain } = props;
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState("");
  const [empty, setEmpty] = React.useState(false);
  const id = React.useId();
  if (finding.explanation !== undefined)
    return (
      <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onExplain("")}>
        {zh.check.unexplain}
      </Button>
    );
  if (!open)
    return (
      <Button size="small" appearance="subtle" disabled={disabled} aria-expanded={false} aria-controls={id} onClick={() => setOpen(true)}>
        {zh.check.explain}
      </Button>
    );
  const save = () => {
    if (!text.trim()) return setEmpty(true);
    onExplain(text);
    setOpen(false);
    setText("");
  };
  return (
    <div id={id} style={{ display: "flex", flexDirection: "column", gap: 4, marginTop: 4 }}>
      <Field label={zh.check.explainLabel} hint={zh.check.explainHint} validationMessage={empty ? zh.check.explanationEmpty : undefined}>
        <Textarea
          value={text}
          autoFocus
          resize="vertical"
          onChange={(_e, d) => {
            setText(d.value);
            setEmpty(false);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) save();
          }}
        />
      </Field>
      <div style={{ display: "flex", gap: 8 }}>
        <Button size="small" appearance="primary" disabled={disabled} onClick={save}>
          {zh.check.saveExplanation}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {zh.check.cancel}
        </Button>
      </div>
    </div>
  );
}
