/** How the port reaches Excel: the batch runner and the API check it is given, and running a batch. */
import { toUserError } from "./errors";

/**
 * Excel.run. `context` resumes an earlier batch's context, which removing an event handler needs.
 * Tests pass a function that hands the batch a mock context.
 */
export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  context?: OfficeExtension.ClientRequestContext,
) => Promise<T>;
/** Whether the host implements ExcelApi `version` (e.g. "1.9"). */
export type ExcelApiCheck = (version: string) => boolean;

export const defaultRun: ExcelRun = (batch, context) => (context ? Excel.run(context, batch) : Excel.run(batch));
export const defaultApiCheck: ExcelApiCheck = (version) => Office.context.requirements.isSetSupported("ExcelApi", version);

/**
 * Runs a batch, translating Office errors. No retry: an edit-mode failure only clears once the user
 * leaves the cell, so repeating the batch would just fail again.
 */
export async function runBatch<T>(
  run: ExcelRun,
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: { notFound?: string; context?: OfficeExtension.ClientRequestContext } = {},
): Promise<T> {
  try {
    return await run(batch, options.context);
  } catch (error) {
    throw toUserError(error, options.notFound);
  }
}
