import { DatePicker } from "antd";
import dayjs from "dayjs";
import { useIsMobile } from "../useIsMobile";

interface DateRangeFilterProps {
  /** China dates (YYYY-MM-DD) as kept in the list's URL; either end may be open. */
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
  "aria-label"?: string;
}

/** A list page's date filter: either end may stay open, full width and no keyboard on a phone. */
export function DateRangeFilter({ from, to, onChange, "aria-label": ariaLabel }: DateRangeFilterProps) {
  const isMobile = useIsMobile();
  return (
    <DatePicker.RangePicker
      aria-label={ariaLabel}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      style={{ width: isMobile ? "100%" : 260 }}
      inputReadOnly={isMobile}
      onChange={(range) => onChange({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })}
    />
  );
}
