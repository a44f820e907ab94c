/** What the panes share: the workbook's stamp, and one action at a time with its outcome as the pane's message. */
import * as React from "react";
import type { Finding } from "../domain/finding";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { hasPlace } from "../domain/render/marks";
import type { Message } from "./Status";
import { zh } from "../locale/zh-CN";

export const errorText = (e: unknown): string => zh.errors.unexpected(e instanceof Error ? e.message : String(e));

/** Takes the user to a finding's cell and its related cells; the Chinese error when that fails, else null. */
export async function goToFinding(port: WorkbookPort, f: Finding): Promise<string | null> {
  if (!hasPlace(f)) return null;
  try {
    await port.select({ sheet: f.sheet, cell: f.cell }, f.related);
    return null;
  } catch (e) {
    return errorText(e);
  }
}

/**
 * The stamp the add-in left in the workbook (null until read, and for a workbook without one), read once for all
 * panes, and `refresh` to read it again after an insert has written a new one.
 */
export function useStamp(port: WorkbookPort): { stamp: PackStamp | null; refresh: () => void } {
  const [stamp, setStamp] = React.useState<PackStamp | null>(null);
  const [reads, setReads] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    port.metadata
      .get()
      .then((s) => live && setStamp(s))
      // Without a stamp the tables tell the pack (the one whose tables the workbook holds), the department and year.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [port, reads]);
  return { stamp, refresh: React.useCallback(() => setReads((n) => n + 1), []) };
}

/** `act(work)`: busy while it runs, its message (or its failure) shown after. */
export function useAction() {
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | null>(null);
  const act = async (work: () => Promise<Message>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (e) {
      setMessage({ intent: "error", text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, setMessage, act };
}
