import type { Catalog } from "./catalog.ts";

/* Messages of the live workflow view and the workflow picture. */
export const overlayEn = {
  title: "Live: {{title}}",
  neverPublished: "This workflow has never been published, so nothing runs on it yet.",
  openDesigner: "Open in the designer",
  runningTotal_one: "{{formatted}} running instance",
  runningTotal_other: "{{formatted}} running instances",
  newestVersion: "Newest version {{version}}",
  olderRunning_one: "{{formatted}} on an older version",
  olderRunning_other: "{{formatted}} on older versions",
  updatedAt: "Updated {{at}}",
  truncated: "Only the first 10,000 running instances are counted.",
  pictureCounts: "Where instances wait (version {{version}})",
  pictureChosen: "Path of instance {{id}}",
  pictureLabel: "{{title}}, version {{version}}",
  nothingRunning: "No instance of this workflow is running.",
  running: {
    title: "Running instances",
    started: "started {{at}}",
    version: "version {{version}}",
  },
  chosen: {
    title: "Chosen instance",
    waitsAt: "Waits at: {{steps}}",
    moving: "It waits nowhere right now.",
    completed: "It has completed.",
    cancelled: "It was cancelled.",
    pathLength_one: "{{count}} step on its path so far",
    pathLength_other: "{{count}} steps on its path so far",
    open: "Open instance view",
    clear: "Show all again",
  },
  picture: {
    zoomControls: "Zoom and fit",
    nothingMarked: "Nothing is waiting anywhere.",
    standsHere: "Waits here",
    waitingHere_one: "{{count}} instance waits here",
    waitingHere_other: "{{count}} instances wait here",
    waitingCount_one: "{{formatted}} waiting",
    waitingCount_other: "{{formatted}} waiting",
  },
} satisfies Catalog;
