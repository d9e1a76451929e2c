import { useTranslation } from "react-i18next";
import { WorkflowDesigner } from "../designer/WorkflowDesigner.tsx";
import { FormDesigner } from "../form-designer/FormDesigner.tsx";
import { LANGUAGES } from "../i18n/setup-i18n.ts";
import { DefinitionList } from "./DefinitionList.tsx";
import { routeHref, useRoute } from "./hash-route.ts";

export const App = () => {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("app.mainNavigation")}>
          <ul className="nav-list">
            <li>
              <a
                href={routeHref({ screen: "workflows" })}
                aria-current={route.screen === "workflows" ? "page" : undefined}
              >
                {t("app.workflows")}
              </a>
            </li>
            <li>
              <a
                href={routeHref({ screen: "forms" })}
                aria-current={route.screen === "forms" ? "page" : undefined}
              >
                {t("app.forms")}
              </a>
            </li>
          </ul>
        </nav>
        <label className="language-switch">
          <span className="visually-hidden">{t("app.language")}</span>
          <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" className="app-main">
        {route.id === undefined ? (
          <DefinitionList kind={route.screen} />
        ) : route.screen === "workflows" ? (
          <WorkflowDesigner key={route.id} workflowId={route.id} />
        ) : (
          <FormDesigner key={route.id} formId={route.id} />
        )}
      </main>
    </div>
  );
};
