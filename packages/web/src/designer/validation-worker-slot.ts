/*
 * The validation worker is started when a designer screen opens, before the workflow
 * has loaded: loading the worker and preparing the validator (its first check is
 * several times slower than later ones) then overlaps with fetching the workflow and
 * drawing the canvas, instead of delaying the first problems and the first edit's check.
 */

let prepared: Worker | undefined;

const startWorker = (): Worker | undefined =>
  typeof Worker === "undefined"
    ? undefined
    : new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" });

/** Starts a validation worker for the designer about to open (at most one waits). */
export const prepareValidationWorker = (): void => {
  prepared ??= startWorker();
};

/** The prepared worker, else a new one; undefined where workers do not exist. */
export const takeValidationWorker = (): Worker | undefined => {
  const worker = prepared ?? startWorker();
  prepared = undefined;
  return worker;
};
