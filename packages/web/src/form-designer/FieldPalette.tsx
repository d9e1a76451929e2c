import { useTranslation } from "react-i18next";
import { FIELD_KINDS, type FieldKind } from "./model/form-field.ts";

export const FIELD_DRAG_TYPE = "application/x-flowdesk-field";

/** The kinds of field a form can ask for: click or Enter adds one, or drag it into place. */
export const FieldPalette = ({ onAdd }: { onAdd: (kind: FieldKind) => void }) => {
  const { t } = useTranslation();
  return (
    <nav className="palette" aria-label={t("formDesigner.palette")}>
      <h2 className="palette__title">{t("formDesigner.fieldTypes")}</h2>
      <ul>
        {FIELD_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="palette__item"
              draggable
              data-field-kind={kind}
              title={t("formDesigner.addField", { kind: t(`fieldKinds.${kind}`) })}
              onDragStart={(event) => {
                event.dataTransfer.setData(FIELD_DRAG_TYPE, kind);
                event.dataTransfer.effectAllowed = "copy";
              }}
              onClick={() => onAdd(kind)}
            >
              <span className="palette__kind" aria-hidden="true">
                {t(`fieldKindGlyphs.${kind}`)}
              </span>
              <span>{t(`fieldKinds.${kind}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
};
