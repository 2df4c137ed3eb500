import type { ControlProps } from '../../components/Field';
import { useLockstepStore } from '../../store';

interface PropertySelectProps {
  control: ControlProps;
  value: string;
  onChange: (propertyId: string) => void;
}

/** A select of every property, with an empty "Choose…" first option. */
export function PropertySelect({
  control,
  value,
  onChange,
}: PropertySelectProps) {
  const properties = useLockstepStore((s) => s.properties);
  return (
    <select
      {...control}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">Choose…</option>
      {properties.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
