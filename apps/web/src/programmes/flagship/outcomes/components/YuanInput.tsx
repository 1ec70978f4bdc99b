import { Input } from "antd";
import { formatYuanScaled, normalizeYuanInput, yuanToFen } from "../../../../app/yuan";

interface YuanInputProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  placeholder?: string;
}

/**
 * Money typed as text and kept as text: a number input would turn "0.29" into a float. Leaving the
 * field tidies it to two decimals; the scaled amount under it catches a missing or extra zero.
 */
export function YuanInput({ value, onChange, id, placeholder }: YuanInputProps) {
  const fen = value ? yuanToFen(value) : null;
  const scaled = fen !== null && fen >= 1_000_000n && value ? formatYuanScaled(value) : null;
  return (
    <>
      <Input
        id={id}
        value={value}
        inputMode="decimal"
        autoComplete="off"
        suffix="元"
        placeholder={placeholder ?? "如 125000.00"}
        onChange={(e) => onChange?.(e.target.value)}
        onBlur={() => {
          if (value !== undefined) onChange?.(normalizeYuanInput(value));
        }}
      />
      {scaled ? (
        <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)", marginTop: 2 }}>
          约 {scaled.value} {scaled.unit}
        </div>
      ) : null}
    </>
  );
}
