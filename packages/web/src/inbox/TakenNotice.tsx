import { useTranslation } from "react-i18next";
import { formatDateTime } from "../ui/format.ts";
import type { TakenElsewhere } from "./taken-elsewhere.ts";

/** One plain sentence saying who took the task and when, so nobody keeps working on it. */
export const TakenNotice = ({ taken, people }: { taken: TakenElsewhere; people: Record<string, string> }) => {
  const { t } = useTranslation();
  const name = (username: string | null) =>
    username === null ? t("inbox.taken.someone") : (people[username] ?? username);
  const at = formatDateTime(taken.at);
  const sentence =
    taken.kind === "completed"
      ? t("inbox.taken.completed", { name: name(taken.by), at })
      : taken.kind === "cancelled"
        ? t("inbox.taken.cancelled", { at })
        : taken.kind === "claimed"
          ? t("inbox.taken.claimed", { name: name(taken.by), at })
          : taken.toUser !== null
            ? t("inbox.taken.reassignedUser", { name: name(taken.toUser), at })
            : t("inbox.taken.reassignedGroup", { group: taken.toGroup ?? "", at });
  return (
    <p className="notice notice--error task-taken" role="alert">
      {sentence}
    </p>
  );
};
