import { OVERLAY_ID } from './snapshot';

/** What the user did in the first paint's message box before the app ran. */
export interface Handover {
  /** The thread the first paint showed. */
  threadId: string;
  text: string;
  selectionStart: number;
  selectionEnd: number;
  /** Whether the focus was still in the box (not moved away by the user). */
  focused: boolean;
  /** Enter was pressed on a non-empty box: the app sends it, into the thread it was typed for. */
  send: boolean;
}

type Receiver = (handover: Handover) => void;

/** The app's message box, once it has mounted (receiveFirstPaint). */
let receiver: Receiver | null = null;
/** Text typed in a first paint taken off while no message box was mounted, for the next one. */
let setAside: Handover | null = null;

/** What was typed in the first paint's message box (./paint.ts), or null when there is none. */
function read(doc: Document, overlay: HTMLElement): Handover | null {
  const box = overlay.querySelector<HTMLTextAreaElement>('textarea[data-testid="composer"]');
  if (!box) return null;
  return {
    threadId: overlay.dataset.threadId ?? '',
    text: box.value,
    selectionStart: box.selectionStart,
    selectionEnd: box.selectionEnd,
    focused: doc.activeElement === box,
    send: overlay.dataset.send === 'pending' && box.value.trim() !== '',
  };
}

/**
 * The app's message box, as it mounts, takes what the first paint hands over (handOverFirstPaint),
 * or what was set aside for it. Returns the unsubscribe, for its unmount.
 */
export function receiveFirstPaint(receive: Receiver): () => void {
  const kept = setAside;
  setAside = null;
  if (kept) receive(kept);
  receiver = receive;
  return () => {
    if (receiver === receive) receiver = null;
  };
}

/**
 * Hands what was typed in the first paint to the app's message box and takes the first paint off
 * the screen, in one task: no keystroke falls between the two boxes. The app calls this once its
 * chat is drawn under the first paint (threads, messages, message box), and at once when it fails,
 * so its message is not hidden. With no message box mounted (the thread is gone), the text is kept
 * for the next one.
 *
 * `keep` names a region of the first paint (the inspector, whose panel the app draws a moment
 * later) left in place as a still picture over the app's, until endFirstPaint: the window never
 * shows less than it did. The picture takes no input and is hidden from assistive technology.
 */
export function handOverFirstPaint(doc: Document = document, keep?: string): void {
  const overlay = doc.getElementById(OVERLAY_ID);
  if (!overlay || overlay.dataset.handedOver) return;
  const handover = read(doc, overlay);
  const picture = keep ? overlay.querySelector<HTMLElement>(keep) : null;
  if (picture) {
    const { left, top, width, height } = picture.getBoundingClientRect();
    Object.assign(picture.style, {
      position: 'fixed',
      left: `${left}px`,
      top: `${top}px`,
      width: `${width}px`,
      height: `${height}px`,
    });
    overlay.replaceChildren(picture);
    overlay.dataset.handedOver = 'true';
    overlay.setAttribute('aria-hidden', 'true');
    overlay.setAttribute('inert', '');
  } else overlay.remove();
  if (!handover) return;
  if (receiver) receiver(handover);
  else if (handover.text !== '') setAside = { ...handover, send: false, focused: false };
}

/** Takes off what is left of the first paint (the picture handOverFirstPaint kept). */
export function endFirstPaint(doc: Document = document): void {
  doc.getElementById(OVERLAY_ID)?.remove();
}
