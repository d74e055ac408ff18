import { Field } from "./Field.tsx";

export interface SelectProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
  readonly name?: string;
}

/** A labelled drop-down over a fixed list of values. */
export function Select<T extends string>({ label, value, options, onChange, name }: SelectProps<T>) {
  return (
    <Field label={label}>
      <select
        name={name}
        value={value}
        onChange={(event) => {
          const next = options.find((o) => o.value === event.target.value);
          if (next !== undefined) onChange(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
