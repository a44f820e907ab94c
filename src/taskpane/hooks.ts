/**
 * What the panes share: the workbook's stamp, one action at a time with its outcome as the pane's message, the user's
 * edits, and a result brought into view.
 */
import * as React from "react";
import type { CellRef, Finding } from "../domain/finding";
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

/** The message `work` ends with, or its failure as one. */
export async function outcomeOf(work: () => Promise<Message>): Promise<Message> {
  try {
    return await work();
  } catch (e) {
    return { intent: "error", text: errorText(e) };
  }
}

/** `act(work)`: busy while it runs, its message (or its failure) shown after. */
export function useAction() {
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | null>(null);
  const act = async (work: () => Promise<Message>) => {
    setBusy(true);
    setMessage(null);
    setMessage(await outcomeOf(work));
    setBusy(false);
  };
  return { busy, message, setMessage, act };
}

/**
 * Calls the latest `handler` after each cell the user edits, while a handler is given (null: not listening). True
 * once the host has refused edit events (Excel before ExcelApi 1.9), so that a pane can say what it cannot do.
 */
export function useEditEvents(port: WorkbookPort, handler: ((ref: CellRef) => void) | null): boolean {
  // The subscription outlives renders; it calls whatever handler the last render gave.
  const latest = React.useRef(handler);
  latest.current = handler;
  const listening = handler !== null;
  const [refused, setRefused] = React.useState(false);
  React.useEffect(() => {
    if (!listening) return;
    let stop: (() => Promise<void>) | undefined;
    let live = true;
    port
      .onEdit((ref) => latest.current?.(ref))
      .then((s) => (live ? (stop = s) : void s()))
      .catch(() => live && setRefused(true));
    return () => {
      live = false;
      void stop?.();
    };
  }, [port, listening]);
  return refused;
}

/** `reveal()` scrolls the element of `ref` into view with the render it asks in (a result below the fold). */
export function useReveal<T extends HTMLElement>(): { ref: React.RefObject<T>; reveal: () => void } {
  const ref = React.useRef<T>(null);
  const [asked, setAsked] = React.useState(0);
  // Before the paint: the result never shows out of view.
  React.useLayoutEffect(() => {
    if (asked) ref.current?.scrollIntoView({ block: "nearest" });
  }, [asked]);
  return { ref, reveal: React.useCallback(() => setAsked((n) => n + 1), []) };
}
