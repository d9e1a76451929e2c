import type { ReactNode } from "react";

/**
 * One card of the instance view (data, tasks, SLA clocks, incidents): a titled section named
 * by its heading, with a test id, and its "nothing here" line in place of an empty body.
 */
export const InstanceCard = ({
  part,
  title,
  emptyText,
  notice,
  children,
}: {
  /** Names the card: heading id `instance-<part>-title`, test id `instance-<part>`. */
  part: string;
  title: string;
  /** Shown instead of the body while there is nothing to show. */
  emptyText?: string | undefined;
  /** A message above the body (e.g. the outcome of a retry). */
  notice?: ReactNode;
  children?: ReactNode;
}) => (
  <section
    className="instance-card"
    aria-labelledby={`instance-${part}-title`}
    data-testid={`instance-${part}`}
  >
    <h2 id={`instance-${part}-title`}>{title}</h2>
    {notice}
    {emptyText === undefined ? children : <p className="instance-card__empty">{emptyText}</p>}
  </section>
);
