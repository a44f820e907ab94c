/** Choose functional subject codes from the catalogue, by code or name, for the code tables' rows. */
import * as React from "react";
import { Button, Field, SearchBox, Text } from "@fluentui/react-components";
import type { CatalogEntry } from "../domain/catalog/catalog";
import { zh } from "../locale/zh-CN";

const RESULTS = 12;

export function CodePicker(props: {
  /** Which tables the codes go to, e.g. 功能分类科目（填入表2、表3、表5、表8）. */
  label: string;
  search: (query: string, limit: number) => CatalogEntry[];
  chosen: CatalogEntry[];
  onChange: (chosen: CatalogEntry[]) => void;
}) {
  const { search, chosen, onChange } = props;
  const [query, setQuery] = React.useState("");
  const results = query.trim() ? search(query.trim(), RESULTS).filter((e) => !chosen.some((c) => c.code === e.code)) : [];
  return (
    <Field label={props.label} hint={zh.template.codesHint}>
      <SearchBox
        aria-label={zh.template.codeSearch}
        placeholder={zh.template.codeExample}
        value={query}
        onChange={(_e, d) => setQuery(d.value)}
      />
      {query.trim() !== "" && (
        <ul aria-label={zh.template.codeSearch} style={{ listStyle: "none", padding: 0, margin: "4px 0" }}>
          {results.length === 0 && (
            <li>
              <Text size={200}>{search(query.trim(), 1).length ? zh.template.allCodesChosen : zh.template.noCodeMatch}</Text>
            </li>
          )}
          {results.map((e) => (
            <li key={e.code}>
              <Button
                appearance="subtle"
                size="small"
                aria-label={zh.template.add(e.code, e.name)}
                onClick={() => {
                  onChange([...chosen, e].sort((a, b) => a.code.localeCompare(b.code)));
                  // The last match added: the search is done, and the box is ready for the next one.
                  if (results.length === 1) setQuery("");
                }}
              >
                {e.code} {e.name}（{e.level}）
              </Button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <ul aria-label={zh.template.codesChosen} style={{ listStyle: "none", padding: 0, margin: "4px 0", display: "flex", flexWrap: "wrap", gap: 4 }}>
          {chosen.map((e) => (
            <li key={e.code}>
              <Button
                size="small"
                aria-label={zh.template.remove(e.code, e.name)}
                onClick={() => onChange(chosen.filter((c) => c.code !== e.code))}
              >
                {e.code} {e.name} ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}
