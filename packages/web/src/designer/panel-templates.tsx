import {
  getUiOptions,
  type IconButtonProps,
  type MultiSchemaFieldTemplateProps,
  type TemplatesType,
  TranslatableString,
} from "@rjsf/utils";
import { isValidElement } from "react";
import { useTranslation } from "react-i18next";

/** The id rjsf gives the option selector, read back from the element it hands the template. */
const selectorId = (selector: React.ReactNode): string | undefined =>
  isValidElement<{ id?: unknown }>(selector) && typeof selector.props.id === "string"
    ? selector.props.id
    : undefined;

/**
 * A oneOf in a side panel: the selector carries a visible label naming what it chooses
 * ("Assignee type"), then the chosen option's fields.
 */
const ChoiceTemplate = ({ schema, uiSchema, selector, optionSchemaField }: MultiSchemaFieldTemplateProps) => {
  const { t } = useTranslation();
  const { title = schema.title } = getUiOptions(uiSchema);
  const id = selectorId(selector);
  return (
    <div className="panel-choice">
      {selector ? (
        <div className="form-group panel-choice__selector">
          <label className="control-label" htmlFor={id}>
            {title ? t("designer.choiceOf", { title }) : t("designer.choice")}
          </label>
          {typeof schema.description === "string" ? (
            <div className="field-description">{schema.description}</div>
          ) : null}
          {selector}
        </div>
      ) : null}
      {optionSchemaField}
    </div>
  );
};

/** "Add outcome": a text button instead of a bare "+", named after the array's item. */
const AddButton = ({ id, className, onClick, disabled, uiSchema, registry }: IconButtonProps) => {
  const { t } = useTranslation();
  const { addItemLabel } = getUiOptions(uiSchema);
  return (
    <div className={`panel-add ${className ?? ""}`}>
      <button id={id} type="button" className="button" onClick={onClick} disabled={disabled}>
        {typeof addItemLabel === "string"
          ? t("designer.addItem", { item: addItemLabel })
          : registry.translateString(TranslatableString.AddItemButton)}
      </button>
    </div>
  );
};

const RemoveButton = ({ id, className, onClick, disabled, registry }: IconButtonProps) => (
  <button
    id={id}
    type="button"
    className={`button link panel-remove ${className ?? ""}`}
    onClick={onClick}
    disabled={disabled}
  >
    {registry.translateString(TranslatableString.RemoveButton)}
  </button>
);

/** rjsf templates of the designer's side panels (not of published forms). */
export const panelTemplates: Partial<TemplatesType> = {
  MultiSchemaFieldTemplate: ChoiceTemplate,
  ButtonTemplates: { AddButton, RemoveButton } as TemplatesType["ButtonTemplates"],
};
