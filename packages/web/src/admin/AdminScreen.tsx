import { useTranslation } from "react-i18next";
import { ADMIN_SECTIONS, type AdminSection, routeHref } from "../app/hash-route.ts";
import { AuditSection } from "./AuditSection.tsx";
import { GroupsSection } from "./GroupsSection.tsx";
import { PacksSection } from "./PacksSection.tsx";
import { RolesSection } from "./RolesSection.tsx";
import { UsersSection } from "./UsersSection.tsx";

/** An unknown or missing section opens template packs, the first thing a new installation needs. */
export const adminSectionOf = (section: string | undefined): AdminSection =>
  ADMIN_SECTIONS.includes(section as AdminSection) ? (section as AdminSection) : "packs";

const SectionBody = ({ section }: { section: AdminSection }) => {
  switch (section) {
    case "packs":
      return <PacksSection />;
    case "users":
      return <UsersSection />;
    case "groups":
      return <GroupsSection />;
    case "roles":
      return <RolesSection />;
    case "audit":
      return <AuditSection />;
  }
};

/** Administration: a side nav (tabs on a phone) between packs, users, groups, roles and the audit log. */
export const AdminScreen = ({ section }: { section?: string | undefined }) => {
  const { t } = useTranslation();
  const current = adminSectionOf(section);
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t("admin.nav.label")}>
        <p className="admin-nav__title" aria-hidden="true">
          {t("admin.title")}
        </p>
        <ul>
          {ADMIN_SECTIONS.map((name) => (
            <li key={name}>
              <a
                href={routeHref({ screen: "admin", id: name })}
                aria-current={name === current ? "page" : undefined}
              >
                {t(`admin.nav.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-body">
        <SectionBody key={current} section={current} />
      </div>
    </div>
  );
};
