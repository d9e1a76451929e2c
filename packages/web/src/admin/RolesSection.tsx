import { useTranslation } from "react-i18next";

/** The four built-in roles, in the order of the server's authorization policy. */
export const ROLE_IDS = ["admin", "process-owner", "agent", "requester"] as const;

/** What each role may do, read-only: the words mirror security/authorization-policy.ts. */
export const RolesSection = () => {
  const { t } = useTranslation();
  return (
    <section className="admin-section" aria-labelledby="admin-roles-title">
      <header className="admin-section__header">
        <h1 id="admin-roles-title">{t("admin.roles.title")}</h1>
      </header>
      <p className="admin-intro">{t("admin.roles.intro")}</p>
      <div className="admin-roles">
        {ROLE_IDS.map((role) => (
          <section key={role} className="admin-card" aria-labelledby={`role-${role}`}>
            <h2 id={`role-${role}`}>
              {t(`admin.roles.names.${role}`)} <code className="code">{role}</code>
            </h2>
            <p>{t(`admin.roles.summaries.${role}`)}</p>
            <ul className="admin-role-list">
              {Object.values(
                t(`admin.roles.may.${role}`, { returnObjects: true }) as Record<string, string>,
              ).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
};
