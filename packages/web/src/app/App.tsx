import { useTranslation } from "react-i18next";
import { AdminScreen } from "../admin/AdminScreen.tsx";
import type { SessionUser } from "../api/api-client.ts";
import { WorkflowDesigner } from "../designer/WorkflowDesigner.tsx";
import { FormDesigner } from "../form-designer/FormDesigner.tsx";
import { InboxScreen } from "../inbox/InboxScreen.tsx";
import { InstanceScreen } from "../instance/InstanceScreen.tsx";
import { LiveProvider } from "../live/live-context.tsx";
import { LiveWorkflowScreen } from "../overlay/LiveWorkflowScreen.tsx";
import { CatalogScreen } from "../portal/CatalogScreen.tsx";
import { RequestsScreen } from "../portal/RequestsScreen.tsx";
import { ErrorState, ForbiddenState, LoadingState } from "../ui/StateViews.tsx";
import { AppHeader } from "./AppHeader.tsx";
import { access } from "./access.ts";
import { DefinitionList } from "./DefinitionList.tsx";
import { type Route, useRoute } from "./hash-route.ts";
import { LoginScreen } from "./LoginScreen.tsx";
import { SessionProvider, useSession } from "./session-context.tsx";

/** Which roles open which screen; the server refuses the same calls anyway. */
const mayOpen = (route: Route, user: SessionUser): boolean => {
  switch (route.screen) {
    case "workflows":
    case "forms":
      return access.design(user);
    case "instances":
      return access.work(user);
    case "live":
      return access.oversee(user);
    case "admin":
      return access.administer(user);
    default:
      return true;
  }
};

const ScreenFor = ({ route }: { route: Route }) => {
  switch (route.screen) {
    case "catalog":
      return <CatalogScreen itemId={route.id} />;
    case "requests":
      return <RequestsScreen requestId={route.id} />;
    case "inbox":
      return <InboxScreen taskId={route.id} />;
    case "instances":
      return route.id ? <InstanceScreen key={route.id} instanceId={route.id} /> : <ForbiddenState />;
    case "admin":
      return <AdminScreen section={route.id} />;
    case "live":
      return route.id ? <LiveWorkflowScreen key={route.id} workflowId={route.id} /> : <ForbiddenState />;
    case "workflows":
      return route.id === undefined ? (
        <DefinitionList kind="workflows" />
      ) : (
        <WorkflowDesigner key={route.id} workflowId={route.id} />
      );
    case "forms":
      return route.id === undefined ? (
        <DefinitionList kind="forms" />
      ) : (
        <FormDesigner key={route.id} formId={route.id} />
      );
  }
};

const SignedIn = ({ user }: { user: SessionUser }) => {
  const { t } = useTranslation();
  const { recheck } = useSession();
  const route = useRoute();
  return (
    <LiveProvider onServerClosed={recheck}>
      <div className="app">
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <AppHeader user={user} route={route} />
        <main id="main" className={`app-main app-main--${route.screen}`}>
          {mayOpen(route, user) ? <ScreenFor route={route} /> : <ForbiddenState />}
        </main>
      </div>
    </LiveProvider>
  );
};

const SessionGate = () => {
  const { state, retry } = useSession();
  switch (state.status) {
    case "loading":
      return (
        <main id="main" className="login">
          <LoadingState />
        </main>
      );
    case "unreachable":
      return (
        <main id="main" className="login">
          <ErrorState error={new Error("unreachable")} onRetry={retry} />
        </main>
      );
    case "signed-out":
      return <LoginScreen reason={state.reason} />;
    case "signed-in":
      // A new person signing in gets a fresh tree: no state of the previous session survives.
      return <SignedIn key={state.user.id} user={state.user} />;
  }
};

export const App = () => (
  <SessionProvider>
    <SessionGate />
  </SessionProvider>
);
