import { useTranslation } from "react-i18next";
import { formatNumber } from "../ui/format.ts";

/** Newer/older (or previous/next) pages of a list the server pages, and where the person is. */
export const Pager = ({
  label,
  page,
  pages,
  total,
  onPage,
  previous,
  next,
}: {
  label: string;
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
  previous: string;
  next: string;
}) => {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="admin-pager" aria-label={label}>
      <button type="button" className="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {previous}
      </button>
      <span>
        {t("admin.pageOf", {
          page: formatNumber(page + 1),
          pages: formatNumber(pages),
          total: formatNumber(total),
        })}
      </span>
      <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {next}
      </button>
    </nav>
  );
};
