/**
 * Which parts of a huge message are in the DOM. A part is mounted only while it is within
 * NEAR of the message list's visible area, and at most one part is mounted per frame: laying
 * out and painting one 32 KB part costs a good share of a frame, so a 5 MB answer shown whole
 * keeps a bounded DOM (the parts around the view) and no frame pays for more than one part.
 */

/** How far beyond the visible area (a share of its height) a part is mounted ahead of scrolling. */
export const NEAR = '100% 0px';

type Wanted = (near: boolean) => void;

const watched = new WeakMap<Element, Wanted>();
const observers = new Map<Element | null, IntersectionObserver>();
/** Parts that came near and wait for their frame, in the order they asked. */
const queue = new Map<Element, () => void>();
let pumping = 0;

function pump(): void {
  pumping = 0;
  const next = queue.entries().next();
  if (next.done) return;
  const [element, mount] = next.value;
  queue.delete(element);
  mount();
  if (queue.size > 0) pumping = requestAnimationFrame(pump);
}

function observerFor(root: Element | null): IntersectionObserver {
  let observer = observers.get(root);
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) watched.get(entry.target)?.(entry.isIntersecting);
      },
      { root, rootMargin: NEAR },
    );
    observers.set(root, observer);
  }
  return observer;
}

/**
 * Calls `show(true)` (in a frame of its own) once `element` comes near the view of `root` and
 * `show(false)` once it leaves; returns the function that stops watching. Without
 * IntersectionObserver (tests in jsdom) every part is simply shown, a frame each.
 */
export function watchPart(element: Element, root: Element | null, show: (near: boolean) => void): () => void {
  const wanted: Wanted = (near) => {
    if (!near) {
      queue.delete(element);
      show(false);
      return;
    }
    queue.set(element, () => show(true));
    if (pumping === 0) pumping = requestAnimationFrame(pump);
  };
  if (typeof IntersectionObserver === 'undefined') {
    wanted(true);
    return () => queue.delete(element);
  }
  const observer = observerFor(root);
  watched.set(element, wanted);
  observer.observe(element);
  return () => {
    observer.unobserve(element);
    watched.delete(element);
    queue.delete(element);
  };
}

/**
 * A first guess at a part's height before it is laid out, so the scrollbar is roughly right: its
 * lines and their wrapping at ~90 characters (long runs wrap too, see longRuns.ts).
 */
export function guessHeight(part: string): number {
  let breaks = 0;
  for (let at = part.indexOf('\n'); at >= 0; at = part.indexOf('\n', at + 1)) breaks++;
  return Math.ceil(Math.max(breaks + 1, part.length / 90)) * 21;
}
