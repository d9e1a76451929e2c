import type { NodeRegistry } from "@flowdesk/core";
import type { PaletteGroup } from "@flowdesk/nodes/descriptors";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { NodeGlyph } from "./NodeGlyph.tsx";

export const NODE_DRAG_TYPE = "application/x-flowdesk-node";

interface PaletteProps {
  registry: NodeRegistry;
  groups: readonly PaletteGroup[];
  /** Keyboard or click: insert in the middle of what the canvas shows. */
  onInsert: (type: string) => void;
}

/** Node types grouped as the registry says; drag one onto the canvas, or press Enter. */
/** Memoised: it never changes while a workflow is drawn, and has many labels to translate. */
export const Palette = memo(function Palette({ registry, groups, onInsert }: PaletteProps) {
  const { t } = useTranslation();
  return (
    <nav className="palette" aria-label={t("designer.palette")}>
      {groups.map((group) => (
        <section key={group.id} className="palette__group" aria-labelledby={`palette-${group.id}`}>
          <h2 id={`palette-${group.id}`} className="palette__title">
            {t(`paletteGroups.${group.id}`, { defaultValue: group.label })}
          </h2>
          <ul>
            {group.types.map((type) => {
              const descriptor = registry[type];
              if (!descriptor) return null;
              const label = t(`nodeTypes.${type}`, { defaultValue: descriptor.label });
              return (
                <li key={type}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable
                    data-node-type={type}
                    title={t(`nodeProps.${type}.summary`, { defaultValue: descriptor.description })}
                    aria-label={t("designer.insertNode", { type: label })}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(NODE_DRAG_TYPE, type);
                      event.dataTransfer.effectAllowed = "copy";
                    }}
                    onClick={() => onInsert(type)}
                  >
                    <NodeGlyph type={type} />
                    <span>{label}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
});
