import type { Catalog } from "./catalog.ts";

/* 实时流程视图和流程图的文案。 */
export const overlayZhCN = {
  title: "实时：{{title}}",
  neverPublished: "此流程尚未发布，因此还没有运行的实例。",
  openDesigner: "在设计器中打开",
  runningTotal_other: "{{formatted}} 个运行中的实例",
  newestVersion: "最新版本 {{version}}",
  olderRunning_other: "{{formatted}} 个在旧版本上",
  updatedAt: "更新于 {{at}}",
  truncated: "只统计了前 10,000 个运行中的实例。",
  pictureCounts: "实例等待的位置（版本 {{version}}）",
  pictureChosen: "实例 {{id}} 的路径",
  pictureLabel: "{{title}}，版本 {{version}}",
  nothingRunning: "此流程没有运行中的实例。",
  running: {
    title: "运行中的实例",
    started: "开始于 {{at}}",
    version: "版本 {{version}}",
  },
  chosen: {
    title: "选中的实例",
    waitsAt: "等待于：{{steps}}",
    moving: "当前没有等待的步骤。",
    completed: "已完成。",
    cancelled: "已被取消。",
    pathLength_other: "已经过 {{count}} 个步骤",
    open: "打开实例视图",
    clear: "重新显示全部",
  },
  picture: {
    zoomControls: "缩放和适应",
    nothingMarked: "没有任何等待中的实例。",
    standsHere: "在此等待",
    waitingHere_other: "{{count}} 个实例在此等待",
    waitingCount_other: "{{formatted}} 个等待",
  },
} satisfies Catalog;
