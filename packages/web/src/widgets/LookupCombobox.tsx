import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type DirectoryEntry, type DirectorySource } from "../api/api-client.ts";
import { useDebounced } from "./use-debounced.ts";

export interface LookupOption {
  value: string;
  label: string;
}

type LoadOptions = (query: string, signal: AbortSignal) => Promise<LookupOption[]>;

const entryLabel = (entry: DirectoryEntry): string =>
  entry.displayName ?? entry.title ?? entry.name ?? entry.username ?? entry.id;

/** Options from the directory: users by login, groups and configuration items by id. */
export const directoryLoader =
  (source: DirectorySource): LoadOptions =>
  async (query, signal) =>
    (await api.directory(source, query, signal)).items.map((entry) => ({
      value: source === "users" ? (entry.username ?? entry.id) : entry.id,
      label: entryLabel(entry),
    }));

export interface LookupComboboxProps {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  load: LoadOptions;
  label?: string;
  describedBy?: string;
  disabled?: boolean;
  required?: boolean;
  placeholder?: string;
}

type Status = "idle" | "loading" | "ready" | "error";

/**
 * An ARIA 1.2 combobox that loads options from the server as the person types
 * (debounced, cancelling stale requests), with loading, empty and error states.
 */
export const LookupCombobox = ({
  id,
  value,
  onChange,
  load,
  label,
  describedBy,
  disabled,
  required,
  placeholder,
}: LookupComboboxProps) => {
  const { t } = useTranslation();
  const listId = useId();
  const statusId = useId();
  const [text, setText] = useState(value ?? "");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<LookupOption[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>("idle");
  const query = useDebounced(text, 250);
  // Options shown while the typed text is not yet searched belong to an older query.
  const stale = text !== query;
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => setText(value ?? ""), [value]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setStatus("loading");
    loadRef
      .current(query, controller.signal)
      .then((found) => {
        setOptions(found);
        setActive(found.length > 0 ? 0 : -1);
        setStatus("ready");
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setStatus(error instanceof Error ? "error" : "error");
      });
    return () => controller.abort();
  }, [query, open]);

  const choose = (option: LookupOption) => {
    setText(option.value);
    setOpen(false);
    onChange(option.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((index) => Math.min(options.length - 1, index + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(0, index - 1));
    } else if (event.key === "Enter" && open) {
      const option = stale ? undefined : options[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const statusText =
    status === "loading" || stale
      ? t("lookup.loading")
      : status === "error"
        ? t("lookup.failed")
        : status === "ready" && options.length === 0
          ? t("lookup.empty")
          : "";

  return (
    <div className="lookup">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={[describedBy, statusId].filter(Boolean).join(" ")}
        aria-label={label}
        aria-required={required}
        disabled={disabled}
        placeholder={placeholder ?? t("lookup.placeholder")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (event.target.value === "") onChange(undefined);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Free text is kept: an id typed by someone who knows it is as good as a pick.
          if (text !== (value ?? "")) onChange(text === "" ? undefined : text);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={statusId} className="lookup-status" aria-live="polite">
        {open ? statusText : ""}
      </span>
      {open && options.length > 0 ? (
        <div id={listId} role="listbox" className="lookup-list" aria-label={label}>
          {options.map((option, index) => (
            <div
              key={option.value}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "active" : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              <span>{option.label}</span>
              {option.label !== option.value ? <span className="muted"> {option.value}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
};
