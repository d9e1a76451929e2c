import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { useSession } from "./session-context.tsx";

/** Sign-in: says why it is shown (expired, signed out) and what went wrong, in words. */
export const LoginScreen = ({ reason }: { reason?: "expired" | "signed-out" }) => {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? failure.status === 429
            ? t("login.tooMany")
            : failure.status === 401 || failure.status === 400 || failure.status === 422
              ? t("login.wrong")
              : failure.message
          : t("common.unreachable"),
      );
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-brand">
          <span className="brand brand--dark">{t("app.name")}</span>
          <LanguageSwitch />
        </div>
        <h1 id="login-title">{t("login.title")}</h1>
        {reason === "expired" && (
          <p className="notice" role="status">
            {t("login.expired")}
          </p>
        )}
        {reason === "signed-out" && (
          <p className="notice notice--success" role="status">
            {t("login.signedOut")}
          </p>
        )}
        <label className="field">
          <span>{t("login.username")}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("login.password")}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("login.signingIn") : t("login.signIn")}
        </button>
      </form>
    </main>
  );
};
