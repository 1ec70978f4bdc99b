import { Checkbox } from "antd";

/**
 * 显示已作废 on a flagship list: voided records leave every list by default (they are no one's work and
 * count in no figure); ticking this brings them back, each marked 已作废. Writes `showVoided` to the URL.
 */
export function ShowVoidedCheckbox({ value, onChange }: { value: boolean | undefined; onChange: (showVoided: "true" | undefined) => void }) {
  return (
    <Checkbox checked={value === true} onChange={(e) => onChange(e.target.checked ? "true" : undefined)}>
      显示已作废
    </Checkbox>
  );
}
