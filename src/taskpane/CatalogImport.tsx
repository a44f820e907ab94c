/** 科目目录: import an official catalogue of one kind from a CSV file, and what has been imported. */
import * as React from "react";
import { Dropdown, Field, Option, Text } from "@fluentui/react-components";
import type { CatalogKind } from "../domain/catalog/catalog";
import type { Imported } from "./check-settings";
import { FileButton } from "./FileButton";
import { zh } from "../locale/zh-CN";

const KINDS = Object.keys(zh.check.catalog.kinds) as CatalogKind[];

export function CatalogImport(props: { imported: Imported | null; onFile: (file: File, kind: CatalogKind) => void }) {
  const { imported } = props;
  const [kind, setKind] = React.useState<CatalogKind>("functional");
  return (
    <fieldset style={{ border: "1px solid #e0e0e0", borderRadius: 4, padding: 8, margin: 0 }}>
      <legend style={{ fontWeight: 600 }}>{zh.check.catalog.legend}</legend>
      <Text size={200} as="p" style={{ margin: "0 0 8px" }}>
        {zh.check.catalog.hint}
      </Text>
      <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
        <Field label={zh.check.catalog.kind}>
          <Dropdown
            value={zh.check.catalog.kinds[kind]}
            selectedOptions={[kind]}
            onOptionSelect={(_e, d) => d.optionValue && setKind(d.optionValue as CatalogKind)}
          >
            {KINDS.map((k) => (
              <Option key={k} value={k}>
                {zh.check.catalog.kinds[k]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <FileButton label={zh.check.catalog.import} accept=".csv,text/csv" testId="catalog-file" onFile={(f) => props.onFile(f, kind)} />
      </div>
      {imported && (
        <ul style={{ margin: "8px 0 0", paddingLeft: 20 }}>
          {KINDS.filter((k) => imported.counts[k]).map((k) => (
            <li key={k}>
              <Text size={200}>{zh.check.catalog.imported(imported.year, zh.check.catalog.kinds[k], imported.counts[k]!)}</Text>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
