import { useState } from "react";
import { useTranslation } from "react-i18next";
import { adminApi } from "./admin-api.ts";

const EXPORT_FILE = "flowdesk-export-1.0.0.pack.json";

/** Downloads the installation's newest published definitions as one pack file. */
export const PackExport = () => {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const download = async () => {
    setState({ busy: true });
    try {
      const pack = await adminApi.exportPack();
      const url = URL.createObjectURL(
        new Blob([`${JSON.stringify(pack, null, 2)}\n`], { type: "application/json" }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = EXPORT_FILE;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="admin-export">
      <button
        type="button"
        className="button"
        disabled={state.busy}
        onClick={() => void download()}
        aria-describedby="pack-export-hint"
      >
        {t("admin.packs.export")}
      </button>
      <span id="pack-export-hint" className="field-hint">
        {t("admin.packs.exportHint")}
      </span>
      {state.error && (
        <p className="notice notice--error" role="alert">
          {t("admin.packs.exportFailed", { message: state.error })}
        </p>
      )}
    </div>
  );
};
