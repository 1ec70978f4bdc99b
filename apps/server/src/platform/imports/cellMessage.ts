/** How many accepted values a message lists before "等N项" (the drop-down and 填写说明 have them all). */
const listed = 8;

/**
 * Rewrites a form's message ("请选择企业规模", meant for a select box) for the spreadsheet cell it is
 * about: an empty required cell says so; a value that is not on the list quotes it and names the list.
 * Messages already written for a cell pass unchanged.
 */
export function cellMessage(message: string, cellText: string, choices: readonly string[]): string {
  const text = cellText.trim();
  if (message.startsWith("请选择")) {
    if (!text) return choices.length > 0 ? "此项为必填项，请从下拉列表中选择" : `此项为必填项，${message}`;
    if (choices.length === 0) return `“${text}”无法识别，${message.replace(/^请选择/, "应为")}`;
    const shown = choices.slice(0, listed).join("、") + (choices.length > listed ? `等${choices.length}项` : "");
    return `“${text}”不是可选值，请从下拉列表中选择（${shown}）`;
  }
  if (message.startsWith("请填写") && !text) return `此项为必填项，${message}`;
  return message;
}
