import { useState } from 'preact/hooks';
import { ErrorAlert } from './ErrorAlert';

/** The whole number typed, or null when it is not one within min..max. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export interface WholeNumberFieldProps {
  id: string;
  label: string;
  help: string;
  /** Said when the text is not a whole number within min..max; nothing is saved then. */
  error: string;
  min: number;
  max: number;
  value: number;
  onValue(value: number): void;
}

/** A number setting kept as typed, saved only when it is valid, with its help and its error beside it. */
export function WholeNumberField(props: WholeNumberFieldProps) {
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <label class="field">
        <span>{props.label}</span>
        <input
          type="number"
          min={props.min}
          max={props.max}
          step={1}
          inputMode="numeric"
          value={text}
          aria-describedby={`${props.id}-help`}
          aria-invalid={error ? true : undefined}
          onInput={(e) => {
            const typed = e.currentTarget.value;
            setText(typed);
            const value = wholeNumber(typed, props.min, props.max);
            setError(value === null ? props.error : null);
            if (value !== null) props.onValue(value);
          }}
        />
      </label>
      <p id={`${props.id}-help`} class="hint">
        {props.help}
      </p>
      <ErrorAlert message={error} />
    </>
  );
}
