import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InboxRow } from "./inbox-api.ts";
import { useNow } from "./use-now.ts";

const NEW_FOR_MS = 8000;

/**
 * Which rows arrived after the list was first shown (marked "new" for a few seconds) and
 * a sentence announcing them politely to screen readers. The first load of a list marks
 * nothing: everything is equally new then.
 */
export const useNewTasks = (rows: InboxRow[] | undefined, listKey: string) => {
  const { t } = useTranslation();
  const now = useNow();
  const known = useRef<{ key: string; ids: Set<string> } | undefined>(undefined);
  const [arrivedAt, setArrivedAt] = useState<ReadonlyMap<string, number>>(new Map());
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (rows === undefined) return;
    const ids = new Set(rows.map((row) => row.id));
    const previous = known.current;
    known.current = { key: listKey, ids };
    if (previous === undefined || previous.key !== listKey) return;
    const arrived = rows.filter((row) => !previous.ids.has(row.id));
    if (arrived.length === 0) return;
    const at = Date.now();
    setArrivedAt((current) => new Map([...current, ...arrived.map((row) => [row.id, at] as const)]));
    setAnnouncement(
      arrived.length === 1
        ? t("inbox.list.arrivedOne", { title: arrived[0]?.title ?? "" })
        : t("inbox.list.arrivedMany", { count: arrived.length }),
    );
  }, [rows, listKey, t]);

  const newIds = new Set([...arrivedAt].filter(([, at]) => now - at < NEW_FOR_MS).map(([id]) => id));
  return { newIds, announcement };
};
