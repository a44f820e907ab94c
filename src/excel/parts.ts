/** The workbook's custom XML parts: the stamp (domain/stamp.ts) and the explained findings (domain/explanations.ts). */
import { EXPLANATIONS_NAMESPACE, explanationsFromXml, explanationsToXml } from "../domain/explanations";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { STAMP_NAMESPACE, stampFromXml, stampToXml } from "../domain/stamp";
import { runBatch, type ExcelRun } from "./run";

/** Queues loading the ids of a namespace's parts, so they can be read or deleted after the next sync. */
export function loadParts(context: Excel.RequestContext, namespace: string): Excel.CustomXmlPartScopedCollection {
  return context.workbook.customXmlParts.getByNamespace(namespace).load("items/id");
}

export const loadStampParts = (context: Excel.RequestContext) => loadParts(context, STAMP_NAMESPACE);

/** Queues replacing the (loaded) old stamp parts with one holding `stamp`. */
export function queueStamp(context: Excel.RequestContext, old: Excel.CustomXmlPartScopedCollection, stamp: PackStamp): void {
  for (const part of old.items) part.delete();
  context.workbook.customXmlParts.add(stampToXml(stamp));
}

/** The port's metadata and explanations. */
export function partsOf(run: ExcelRun): Pick<WorkbookPort, "metadata" | "explanations"> {
  return {
    metadata: {
      /** Two syncs (one when there is no stamp): the parts' ids, then their XML — getXml needs a loaded part. */
      get: () =>
        runBatch(run, async (context) => {
          const parts = loadStampParts(context);
          await context.sync();
          if (parts.items.length === 0) return null;
          const xmls = parts.items.map((part) => part.getXml());
          await context.sync();
          // Normally there is one part; if several survived, the last readable one wins.
          for (const xml of xmls.reverse()) {
            const found = stampFromXml(xml.value);
            if (found) return found;
          }
          return null;
        }),

      /** Two syncs: the old parts' ids, then delete them and add the new one. */
      set: (stamp) =>
        runBatch(run, async (context) => {
          const old = loadStampParts(context);
          await context.sync();
          queueStamp(context, old, stamp);
          await context.sync();
        }),
    },

    explanations: {
      /** Two syncs (one when there are none): the parts' ids, then their XML. */
      get: () =>
        runBatch(run, async (context) => {
          const parts = loadParts(context, EXPLANATIONS_NAMESPACE);
          await context.sync();
          if (parts.items.length === 0) return [];
          const xmls = parts.items.map((part) => part.getXml());
          await context.sync();
          return xmls.flatMap((xml) => explanationsFromXml(xml.value));
        }),

      /** Two syncs: the old parts' ids, then delete them and add one with the list (none for an empty list). */
      set: (list) =>
        runBatch(run, async (context) => {
          const old = loadParts(context, EXPLANATIONS_NAMESPACE);
          await context.sync();
          for (const part of old.items) part.delete();
          if (list.length) context.workbook.customXmlParts.add(explanationsToXml(list));
          await context.sync();
        }),
    },
  };
}
