import { doneDateIssue, sessionDateIssue } from "@jiangxin/domain";
import type { FormRule } from "antd";
import dayjs, { type Dayjs } from "dayjs";

/**
 * The domain's date rules as form rules, with the same words the server answers: a done-event not
 * before the programme began nor after today; a session arranged at most 90 days ahead.
 */
export function doneDateRule(what: string): FormRule {
  return {
    validator: (_rule, value: Dayjs | null | undefined) => {
      if (!value) return Promise.reject(new Error(`请选择${what}`));
      const issue = doneDateIssue(value.format("YYYY-MM-DD"), dayjs().format("YYYY-MM-DD"), what);
      return issue ? Promise.reject(new Error(issue)) : Promise.resolve();
    },
  };
}

export function sessionDateRule(): FormRule {
  return {
    validator: (_rule, value: Dayjs | null | undefined) => {
      if (!value) return Promise.reject(new Error("请选择服务日期"));
      const issue = sessionDateIssue(value.format("YYYY-MM-DD"), dayjs().format("YYYY-MM-DD"));
      return issue ? Promise.reject(new Error(issue)) : Promise.resolve();
    },
  };
}
