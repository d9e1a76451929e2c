import type { Problem } from "@flowdesk/core";
import { useTranslation } from "react-i18next";
import { problemText } from "../ui/problem-text.ts";

/** Problems may repeat word for word (one per reference); a running count keeps their keys apart. */
const withKeys = (problems: readonly Problem[]) => {
  const seen = new Map<string, number>();
  return problems.map((problem) => {
    const base = `${problem.file ?? ""}|${problem.pointer}|${problem.code}|${problem.message}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: `${base}#${count}`, problem };
  });
};

/** Why a pack was refused, every reason with where it is; nothing was changed. */
export const PackProblems = ({ name, problems }: { name: string; problems: readonly Problem[] }) => {
  const { t } = useTranslation();
  return (
    <section className="admin-card admin-card--error" aria-labelledby="pack-problems-title" role="alert">
      <h2 id="pack-problems-title">{t("admin.packs.problemsTitle", { name })}</h2>
      <p>{t("admin.packs.problemsIntro", { count: problems.length })}</p>
      <div className="admin-table-wrap">
        <table className="data-table admin-problems">
          <thead>
            <tr>
              <th scope="col">{t("admin.packs.columns.file")}</th>
              <th scope="col">{t("admin.packs.columns.pointer")}</th>
              <th scope="col">{t("admin.packs.columns.message")}</th>
            </tr>
          </thead>
          <tbody>
            {withKeys(problems).map(({ key, problem }) => (
              <tr key={key}>
                {/* The server names an uploaded body "upload"; the person knows it by its file name. */}
                <td>{problem.file === undefined || problem.file === "upload" ? name : problem.file}</td>
                <td>
                  <code className="code">{problem.pointer || "/"}</code>
                </td>
                <td>
                  {problemText(t, problem)} <span className="muted">{problem.code}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
