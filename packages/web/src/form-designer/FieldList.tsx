import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FIELD_DRAG_TYPE } from "./FieldPalette.tsx";
import type { FieldKind, FormField } from "./model/form-field.ts";

const FIELD_MOVE_TYPE = "application/x-flowdesk-field-index";

interface FieldListProps {
  fields: readonly FormField[];
  selected: string | undefined;
  onSelect: (name: string) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (name: string) => void;
  onDropNew: (kind: FieldKind, index: number) => void;
}

/** The form's fields in order: drag to reorder, or Alt+Arrow keys on a focused field. */
export const FieldList = ({ fields, selected, onSelect, onMove, onRemove, onDropNew }: FieldListProps) => {
  const { t } = useTranslation();
  const [dropIndex, setDropIndex] = useState<number | undefined>();

  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    setDropIndex(undefined);
    const kind = event.dataTransfer.getData(FIELD_DRAG_TYPE);
    if (kind) {
      onDropNew(kind as FieldKind, index);
      return;
    }
    const from = Number(event.dataTransfer.getData(FIELD_MOVE_TYPE));
    if (!Number.isNaN(from)) onMove(from, from < index ? index - 1 : index);
  };
  const allowDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    setDropIndex(index);
  };

  return (
    <section className="field-list" aria-labelledby="field-list-title">
      <h2 id="field-list-title" className="panel-title">
        {t("formDesigner.fields")}
      </h2>
      <p id="field-list-help" className="field-hint">
        {t("formDesigner.reorderHelp")}
      </p>
      <ol
        className="field-list__items"
        onDragOver={(event) => allowDrop(event, fields.length)}
        onDragLeave={() => setDropIndex(undefined)}
        onDrop={(event) => onDrop(event, fields.length)}
      >
        {fields.length === 0 ? <li className="field-list__empty">{t("formDesigner.empty")}</li> : null}
        {fields.map((field, index) => (
          <li
            key={field.name}
            className={[
              "field-card",
              field.name === selected ? "is-selected" : "",
              dropIndex === index ? "drop-before" : "",
            ].join(" ")}
            draggable
            onDragStart={(event) => event.dataTransfer.setData(FIELD_MOVE_TYPE, String(index))}
            onDragOver={(event) => {
              event.stopPropagation();
              allowDrop(event, index);
            }}
            onDrop={(event) => {
              event.stopPropagation();
              onDrop(event, index);
            }}
          >
            <button
              type="button"
              className="field-card__main"
              aria-pressed={field.name === selected}
              aria-describedby="field-list-help"
              data-field-name={field.name}
              onClick={() => onSelect(field.name)}
              onKeyDown={(event) => {
                if (!event.altKey) return;
                if (event.key === "ArrowUp" && index > 0) {
                  event.preventDefault();
                  onMove(index, index - 1);
                } else if (event.key === "ArrowDown" && index < fields.length - 1) {
                  event.preventDefault();
                  onMove(index, index + 1);
                }
              }}
            >
              <span className="field-card__label">
                {field.label}
                {field.required ? (
                  <>
                    <span aria-hidden="true"> *</span>
                    <span className="visually-hidden">{t("formDesigner.required")}</span>
                  </>
                ) : null}
              </span>
              <span className="field-card__meta">
                {t(`fieldKinds.${field.kind}`)} · {field.name}
                {field.visibleWhen ? ` · ${t("formDesigner.conditional")}` : ""}
              </span>
            </button>
            <button
              type="button"
              className="button small"
              aria-label={t("formDesigner.removeField", { label: field.label })}
              onClick={() => onRemove(field.name)}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
};
