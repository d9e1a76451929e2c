import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionUser } from "../api/api-client.ts";
import { useLiveStatus } from "../live/live-context.tsx";
import { access } from "./access.ts";
import { type Route, routeHref, type Screen } from "./hash-route.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { useSession } from "./session-context.tsx";

interface NavEntry {
  screen: Screen;
  label: string;
  href: string;
}

/** The header: only the screens this person's roles open, who is signed in, live status, sign out. */
export const AppHeader = ({ user, route }: { user: SessionUser; route: Route }) => {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const live = useLiveStatus();
  const [menuOpen, setMenuOpen] = useState(false);
  const entries: NavEntry[] = [
    { screen: "catalog", label: t("app.catalog"), href: routeHref({ screen: "catalog" }) },
    { screen: "requests", label: t("app.myRequests"), href: routeHref({ screen: "requests" }) },
    { screen: "inbox", label: t("app.inbox"), href: routeHref({ screen: "inbox" }) },
  ];
  if (access.design(user)) {
    entries.push({
      screen: "workflows",
      label: t("app.workflows"),
      href: routeHref({ screen: "workflows" }),
    });
    entries.push({ screen: "forms", label: t("app.forms"), href: routeHref({ screen: "forms" }) });
  }
  if (access.administer(user)) {
    entries.push({
      screen: "admin",
      label: t("app.admin"),
      href: routeHref({ screen: "admin", id: "packs" }),
    });
  }
  const current =
    route.screen === "instances" ? "inbox" : route.screen === "live" ? "workflows" : route.screen;
  return (
    <header className="app-header">
      <span className="brand">{t("app.name")}</span>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={menuOpen}
        aria-controls="main-nav"
        onClick={() => setMenuOpen((open) => !open)}
      >
        {t("app.menu")}
      </button>
      <nav id="main-nav" aria-label={t("app.mainNavigation")} className={menuOpen ? "nav nav--open" : "nav"}>
        <ul className="nav-list">
          {entries.map((entry) => (
            <li key={entry.screen}>
              <a
                href={entry.href}
                aria-current={current === entry.screen ? "page" : undefined}
                onClick={() => setMenuOpen(false)}
              >
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <span className={`live-status live-status--${live}`} role="status" title={t(`app.live.${live}`)}>
          <span className="live-dot" aria-hidden="true" />
          <span className="live-label">{t(`app.live.${live}`)}</span>
        </span>
        <LanguageSwitch />
        <span className="user-name" title={user.username}>
          {user.displayName}
        </span>
        <button type="button" className="button button--on-dark" onClick={() => void signOut()}>
          {t("app.signOut")}
        </button>
      </div>
    </header>
  );
};
