import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { setupI18n } from "./i18n/setup-i18n.ts";
import "@xyflow/react/dist/style.css";
import "./styles/tokens.css";
import "./styles/app.css";
import "./styles/portal.css";
import "./styles/inbox.css";
import "./styles/instance.css";
import "./styles/admin.css";
import "./styles/overlay.css";

setupI18n();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
