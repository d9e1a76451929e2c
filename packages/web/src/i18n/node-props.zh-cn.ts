import type { Catalog } from "./catalog.ts";

/*
 * Side-panel texts of every node type in Simplified Chinese, under the keys of
 * node-props.en.ts (derived from the descriptors). Ids, CEL, ISO durations and
 * {{ cel }} placeholders stay as they are: they are what a designer types.
 * Parts several node types share are written once below and spread into each type.
 */

const assigneeOptions: Catalog = {
  group: { title: "用户组", group: { title: "用户组", description: "该用户组的每位成员都能看到这项工作。" } },
  user: { title: "用户", user: { title: "用户", description: "某一个人的登录名。" } },
  role: { title: "角色", role: { title: "角色", description: "目录中拥有此角色的所有人。" } },
  expression: {
    title: "规则",
    expression: {
      title: "规则",
      description: "返回一个用户登录名或登录名列表的 CEL，例如 requester 或由表单设置的变量。",
    },
  },
};

const timers: Catalog = {
  help: "每个计时器的 ID 就是一个结果：画一条以它命名的连线，说明令牌去向。",
  title: "计时器",
  description: "升级（中断：步骤被取消，令牌沿计时器的连线离开）或提醒（不中断：步骤继续等待）。",
  items: {
    title: "计时器",
    id: { help: "小写 ID，例如 escalate 或 remind。", title: "结果 ID" },
    label: { title: "名称" },
    after: { title: "触发时间", description: "从步骤开始起计算的时长，例如 PT4H 或 P3D。" },
    businessHours: { title: "仅计工作时间", description: "只计算 SLA 策略日历中的工作时间。" },
    interrupting: { title: "中断", description: "计时器触发时取消该步骤（升级），而不只是提醒。" },
  },
};

/** A list of people to ask or tell: approvers, recipients. */
const peopleList = (title: string, itemTitle: string, help: string, itemHelp: string): Catalog => ({
  help,
  title,
  items: {
    help: itemHelp,
    title: itemTitle,
    description: "一个人、一个用户组、一个角色或一条规则。",
    oneOf: assigneeOptions,
  },
});

const keyValue = (value: Catalog, key?: Catalog): Catalog => ({ value, ...(key ? { key } : {}) });

export const nodePropsZhCN: Catalog = {
  start: {
    summary: "请求开始的地方。可由服务目录表单发起，表单字段会成为变量。",
    title: "开始",
    form: {
      help: "之后的每个步骤都可以把它的字段作为变量读取。",
      title: "开始表单",
      description: "服务目录表单，提交后即发起请求。",
    },
  },
  end: {
    summary: "结束这条路径并记录一个结果，例如 resolved 或 rejected。",
    title: "结束",
    outcome: {
      help: "报表中显示的小写 ID，例如 resolved。",
      title: "结果",
      description: "记录在请求上，例如 resolved、rejected、cancelled。",
    },
    terminate: {
      help: "不勾选时，请求在最后一条路径结束时结束。",
      title: "结束整个请求",
      description: "取消该请求其他所有未完成的路径（任务、审批、计时器）。",
    },
  },
  "user-task": {
    summary: "交给某个人或某个用户组队列的工作：填写任务表单并选择一个结果。",
    title: "人工任务",
    assignee: {
      help: "用户组会把任务放入其共享队列；规则可以选出某个人。",
      title: "处理人",
      description: "由谁来做这项工作。",
      oneOf: assigneeOptions,
    },
    form: { title: "任务表单", description: "处理人填写的表单；其字段会成为变量。" },
    outcomes: {
      help: "每个结果 ID 都可以被一条离开的连线引用。",
      title: "结果",
      description: "处理人可选择的按钮；一个都没有时，任务只有一个结果 done。",
      items: { title: "结果", id: { title: "ID" }, label: { title: "名称" } },
    },
    due: { title: "到期时间", description: "任务箱中显示的到期日，从任务打开时起计算。" },
    timers,
    instructions: {
      help: "示例：请检查 {{ affectedService }} 并回电 {{ requester }}。",
      title: "说明",
      description: "显示在任务表单上方；可使用 {{ cel }} 占位符。",
    },
  },
  approval: {
    summary: "审批人批准或驳回（任一人、所有人或法定人数），可填写意见和转交。",
    title: "审批",
    approvers: peopleList(
      "审批人",
      "审批人",
      "规则可以从请求中选出审批人，例如保存成本中心负责人登录名的表单字段。",
      "一个条目匹配到的每个人都会被征询。",
    ),
    mode: {
      help: "任一人：第一个答复即决定；所有人：每个人都须批准；法定人数：需要 N 个批准。",
      title: "决定方式",
      enum: { any: "任一人", all: "所有人", quorum: "法定人数" },
    },
    quorum: { help: "仅在决定方式为法定人数时使用。", title: "所需批准数" },
    allowDelegation: { help: "审批人可以把决定转交给同事。", title: "允许转交" },
    requireComment: {
      help: "驳回通常需要一个请求人能看到的理由。",
      title: "是否须填意见",
      enum: { never: "从不", "on-reject": "驳回时", always: "总是" },
    },
    form: { title: "审批表单", description: "审批人额外填写的字段。" },
    timers,
    instructions: { title: "说明", description: "显示给审批人；可使用 {{ cel }} 占位符。" },
  },
  decision: {
    summary: "只走一条路径：第一条条件成立的连线，否则走默认连线。",
    uiDescription: "选择一条离开的连线来编写它的条件。",
    title: "条件分支",
    description: "条件写在离开的连线上；请把其中一条标为默认连线。",
  },
  fork: {
    summary: "同时启动每一条离开的路径。",
    uiDescription: "用并行汇合把各条并行路径重新汇合起来。",
    title: "并行分支",
  },
  join: {
    summary: "等待对应并行分支启动的每条路径都到达后，继续一次。",
    uiDescription: "只等待实际启动了的分支。",
    title: "并行汇合",
  },
  timer: {
    summary: "等待一段时长、直到某个时间，或等待若干工作小时。",
    title: "定时器",
    mode: {
      help: "按工作时间计时只计算 SLA 策略日历中的工作时间。",
      title: "等待方式",
      enum: { duration: "按时长", date: "到指定时间", "business-duration": "按工作时间计时" },
    },
    duration: {
      help: "用于“按时长”和“按工作时间计时”。",
      title: "时长",
      description: "例如 PT30M、PT8H、P2D。",
    },
    date: {
      help: "用于“到指定时间”。",
      title: "直到",
      description: "返回 ISO 日期时间或时间戳的 CEL，例如 plannedStart。",
    },
  },
  "service-call": {
    summary: "调用 HTTP API，支持重试和幂等键，并把响应映射到变量。",
    title: "服务调用",
    method: {
      title: "请求方法",
      enum: { GET: "GET", POST: "POST", PUT: "PUT", PATCH: "PATCH", DELETE: "DELETE" },
    },
    url: {
      help: "{{ cel }} 占位符会进行 URL 编码。",
      title: "URL",
      description: "例如 https://cmdb.example.org/api/ci/{{ configurationItem }}",
    },
    headers: {
      help: "密钥请放在服务器设置中，不要写在定义里。",
      title: "请求头",
      ...keyValue({ title: "值", description: "请求头的值；可使用 {{ cel }} 占位符。" }),
    },
    body: { title: "请求体", description: "请求体，通常为 JSON；可使用 {{ cel }} 占位符。" },
    timeoutMs: { help: "单次尝试超过此时长即放弃。", title: "超时（毫秒）" },
    retry: {
      help: "两次尝试之间等待 backoff × factor^(尝试次数-1)。画一条失败连线来处理最终失败；没有它时，请求会产生一个管理员可重试的事故。",
      title: "重试",
      maxAttempts: { title: "尝试次数" },
      backoffMs: { title: "首次退避（毫秒）" },
      factor: { title: "退避倍数" },
    },
    idempotencyKey: {
      help: "让对方系统忽略重复的调用。",
      title: "幂等键",
      description: "作为 Idempotency-Key 发送；默认由请求和步骤生成，每次重试都相同。",
    },
    resultMapping: {
      help: "每个条目把响应数据存入一个变量，例如 ticketId: response.body.id",
      title: "结果映射",
      description: "变量名 -> 基于 response（{status, body, headers}）的 CEL。",
      ...keyValue(
        { title: "值", description: "例如 response.body.id" },
        { title: "变量", description: "保存该值的变量。" },
      ),
    },
  },
  notify: {
    summary: "发送站内消息、电子邮件或 Webhook，然后不等待直接继续。",
    title: "通知",
    channel: {
      title: "渠道",
      enum: { "in-app": "站内", email: "电子邮件", webhook: "Webhook" },
    },
    to: peopleList("收件人", "收件人", "用于站内和电子邮件渠道。", "匹配到的每个人都会收到通知。"),
    url: {
      help: "用于 Webhook 渠道；消息作为请求体发送。",
      title: "Webhook 地址",
      description: "Webhook 的发送地址；可使用 {{ cel }} 占位符。",
    },
    subject: {
      help: "示例：事件 {{ shortDescription }} 的优先级为 {{ priority }}",
      title: "主题",
      description: "可使用 {{ cel }} 占位符。",
    },
    body: { title: "消息", description: "可使用 {{ cel }} 占位符。" },
  },
  "set-data": {
    summary: "用 CEL 表达式设置变量，例如由影响度和紧急度得出优先级。",
    title: "设置数据",
    assignments: {
      help: "自上而下求值；后面的值可以读取前面的值。",
      title: "赋值",
      items: {
        title: "赋值",
        variable: { title: "变量", description: "须在工作流的变量中声明。" },
        expression: { title: "值", description: "CEL，例如 priorityFromMatrix(impact, urgency)。" },
      },
    },
  },
  subprocess: {
    summary: "运行另一个工作流：映射输入，等待它结束，再把输出映射回来。",
    title: "子流程",
    workflow: { title: "工作流", description: "子工作流；运行其最新发布的版本。" },
    input: {
      help: "子流程启动时带入的数据。",
      title: "输入",
      description: "子流程变量 -> 基于本工作流变量的 CEL。",
      ...keyValue(
        { title: "值", description: "例如 configurationItem" },
        { title: "子流程变量", description: "子工作流的变量。" },
      ),
    },
    output: {
      help: "子流程结束时带回的数据。",
      title: "输出",
      description: "本工作流的变量 -> 子流程结束时基于其变量的 CEL。",
      ...keyValue(
        { title: "值", description: "例如 changeOutcome" },
        { title: "变量", description: "本工作流的变量。" },
      ),
    },
  },
  "wait-message": {
    summary: "等待匹配的消息到达，例如供应商的回复，可附加计时器。",
    title: "等待消息",
    message: {
      help: "发送方把这个名称和键一起发送到消息 API。",
      title: "消息",
      description: "发送方使用的点分名称，例如 vendor.replied。",
    },
    correlationKey: {
      title: "关联键",
      description: "等待开始时求值的 CEL；消息必须携带相同的键，例如 vendorTicket。",
    },
    timers,
  },
};
