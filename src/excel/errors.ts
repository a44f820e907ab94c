/** Office errors in the user's language. Pure: it only reads the error's `code` and `message`. */

const EDIT_MODE = "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 后重试。";

const OFFICE_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: EDIT_MODE,
  ItemAlreadyExists: "工作簿中已有同名的工作表，请刷新后重试。",
  ItemNotFound: "找不到要操作的工作表或单元格，它可能已被删除或改名。",
  InvalidArgument: "Excel 拒绝了写入的内容（参数无效），未能完成操作。",
  AccessDenied: "工作簿或工作表受保护，无法修改。请撤销保护后重试。",
  GeneralException: "Excel 处理请求时出错，请稍后重试；若反复出现，请保存并重新打开工作簿。",
};

/**
 * Office errors (OfficeExtension.Error: a string `code` plus an English message) become Chinese ones,
 * with the original kept as `cause`; anything else (e.g. SheetExistsError) passes through unchanged.
 * `notFound` names what was missing when the code is ItemNotFound.
 */
export function toUserError(error: unknown, notFound?: string): unknown {
  if (typeof error !== "object" || error === null) return error;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== "string") return error;
  // Older hosts report edit mode under a generic code; only the message tells.
  const editMode = code === "InvalidOperationInCellEditMode" || /edit mode/i.test(String(message));
  const text = editMode
    ? EDIT_MODE
    : ((code === "ItemNotFound" ? notFound : undefined) ??
      OFFICE_MESSAGES[code] ??
      `Excel 操作失败（${code}）：${String(message)}`);
  return new Error(text, { cause: error });
}
