// A bound on the work of rendering one stranger's HTML: a clock and a number of milliseconds, passed in
// (the core reads no clock of its own). Past it, or past a cap that makes the work unbounded, the page
// shows the mail without its HTML body and offers the .eml as the way to read it.

/** The HTML body would take too long, or is built to: show it as a download only. */
export class PreviewTooComplex extends Error {
  override readonly name = 'PreviewTooComplex';
}

export interface RenderBudget {
  /** Throws PreviewTooComplex once the budget is spent. */
  check(): void;
}

/** A budget of `ms` milliseconds from now, on `clock` (e.g. `performance.now`). */
export function renderBudget(clock: () => number, ms: number): RenderBudget {
  const deadline = clock() + ms;
  return {
    check() {
      if (clock() > deadline)
        throw new PreviewTooComplex(`the HTML body took more than ${ms} ms to make safe`);
    },
  };
}

export const UNLIMITED_BUDGET: RenderBudget = { check() {} };
