/** How the scripts write the sample files (src/domain/samples/*.json): JSON indented by one space, with a newline at the end. */
export function compactJson(value: unknown): string {
  const json = JSON.stringify(value, null, 1)
    // One table row per line keeps the file readable and its diffs small.
    .replace(/\[\n\s+((?:[^\[\]{}\n]+\n\s+)*[^\[\]{}\n]+)\n\s+\]/g, (_m, inner: string) => `[${inner.split(/\n\s+/).join(" ")}]`);
  return `${json}\n`;
}
