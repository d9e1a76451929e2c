import type { NodeBehaviour, NotifyConfig } from "@flowdesk/core";

/** Sends an in-app message, an e-mail or a webhook (rendered here, delivered by the runtime) and goes on. */
export const notifyBehaviour: NodeBehaviour<NotifyConfig> = {
  enter(ctx) {
    const config = ctx.node.config;
    const notificationId = ctx.newId("notification");
    const to = (config.to ?? []).flatMap((rule) => ctx.resolveAssignees(rule));
    ctx.emit({
      type: "notify.send",
      notificationId,
      channel: config.channel,
      to,
      ...(config.url === undefined ? {} : { url: ctx.render(config.url) }),
      ...(config.subject === undefined ? {} : { subject: ctx.render(config.subject) }),
      body: ctx.render(config.body),
    });
    ctx.record({
      type: "notification.sent",
      nodeId: ctx.node.id,
      tokenId: ctx.token.id,
      data: { notificationId, channel: config.channel },
    });
    ctx.leave();
  },
};
