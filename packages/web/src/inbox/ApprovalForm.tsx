import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentRule } from "./inbox-api.ts";

type Decision = "approve" | "reject";

const commentNeeded = (rule: CommentRule, decision: Decision): boolean =>
  rule === "always" || (rule === "on-reject" && decision === "reject");

/** Approve or reject with a comment; the comment is required when the approval step says so. */
export const ApprovalForm = ({
  rule,
  disabled,
  busy,
  onDecide,
}: {
  rule: CommentRule;
  disabled: boolean;
  busy: boolean;
  onDecide: (decision: Decision, comment: string) => void;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState<Decision | undefined>(undefined);
  const decide = (decision: Decision) => {
    if (commentNeeded(rule, decision) && comment.trim() === "") {
      setMissing(decision);
      return;
    }
    setMissing(undefined);
    onDecide(decision, comment);
  };
  return (
    <form className="approval-form" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-comment`}>
          {t("inbox.approval.comment")}
          {rule !== "never" && <span className="muted"> {t(`inbox.approval.rule.${rule}`)}</span>}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          disabled={disabled}
          aria-invalid={missing !== undefined}
          aria-describedby={missing === undefined ? undefined : `${id}-error`}
          onChange={(event) => setComment(event.target.value)}
        />
        {missing !== undefined && (
          <p id={`${id}-error`} className="inline-errors" role="alert">
            {t(`inbox.approval.commentRequired.${missing}`)}
          </p>
        )}
      </div>
      <div className="task-outcomes">
        <button
          type="button"
          className="button primary"
          disabled={disabled || busy}
          onClick={() => decide("approve")}
        >
          {t("inbox.approval.approve")}
        </button>
        <button type="button" className="button" disabled={disabled || busy} onClick={() => decide("reject")}>
          {t("inbox.approval.reject")}
        </button>
      </div>
    </form>
  );
};
