// Zod-free, so the window can read it without the contract's schemas in its first bundle.
/** Messages of the active branch an open thread starts with (and pages back by, at least). */
export const THREAD_WINDOW = 200;
