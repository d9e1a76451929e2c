import { getDefaultRegistry } from "@rjsf/core";
import type { WidgetProps } from "@rjsf/utils";
import { useEffect, useRef } from "react";

const DefaultSelect = getDefaultRegistry().widgets.SelectWidget!;

/**
 * rjsf's select, named for assistive technology even where rjsf draws no <label>: the
 * selector between the options of a oneOf (assignee: group / user / role / rule).
 */
export const LabelledSelectWidget = (props: WidgetProps) => {
  const wrapper = useRef<HTMLSpanElement>(null);
  const name =
    props.label || (typeof props.schema.title === "string" ? props.schema.title : "") || props.name;
  useEffect(() => {
    const select = wrapper.current?.querySelector("select");
    if (!select) return;
    const labelled =
      select.id !== "" && document.querySelector(`label[for="${CSS.escape(select.id)}"]`) !== null;
    if (labelled) select.removeAttribute("aria-label");
    else select.setAttribute("aria-label", name);
  });
  return (
    <span ref={wrapper} className="select-widget">
      <DefaultSelect {...props} />
    </span>
  );
};
