import { Segmented } from "antd";
import { figureChoices, type FigureKey } from "../statsFigures";

/** Which of the six figures the trend chart and the map show. */
export function FigureSwitch({ value, onChange, compact }: { value: FigureKey; onChange: (key: FigureKey) => void; compact: boolean }) {
  return (
    <Segmented<FigureKey>
      aria-label="图表指标"
      value={value}
      onChange={onChange}
      block={compact}
      options={figureChoices.map((c) => ({ value: c.key, label: compact ? c.short : c.title, title: c.title }))}
    />
  );
}
