import type { WidgetProps } from "@rjsf/utils";
import { api } from "../api/api-client.ts";
import type { LookupOption } from "../widgets/LookupCombobox.tsx";
import { LookupCombobox } from "../widgets/LookupCombobox.tsx";

/*
 * Business services (configuration items of class service) for a form's `services`
 * lookup, e.g. the affected service of an incident: picked by name, stored by id, like
 * the configuration item lookup.
 */
const loadServices = async (query: string, signal: AbortSignal): Promise<LookupOption[]> => {
  const { items } = await api.request<{ items: { id: string; name?: string; title?: string }[] }>(
    "GET",
    `/directory/services?q=${encodeURIComponent(query)}`,
    undefined,
    signal,
  );
  return items.map((item) => ({ value: item.id, label: item.name ?? item.title ?? item.id }));
};

export const ServiceLookupWidget = ({
  id,
  value,
  onChange,
  disabled,
  readonly,
  required,
  label,
}: WidgetProps) => (
  <LookupCombobox
    id={id}
    value={typeof value === "string" ? value : undefined}
    onChange={(next) => onChange(next)}
    load={loadServices}
    label={label}
    disabled={disabled || readonly}
    required={required}
  />
);
