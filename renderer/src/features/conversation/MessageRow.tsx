import { memo, useEffect, useState } from 'react';
import { useStore } from '../../store';
import { findMessage } from '../../store/conversation/messageIndex';
import type { PathRow } from '../../store/conversation/branches';
import { ChoiceGroup } from './ChoiceGroup';
import type { Flight } from './flight';
import { MessageView, ROLE_LABEL } from './MessageView';

interface Props {
  threadId: string;
  row: PathRow;
  flash: boolean;
  /** The list's movement: a row that mounts while it is in flight is a sketch until it lands. */
  flight: Flight | null;
  /** The row's height as the list knows it (measured or guessed): a sketch keeps to it. */
  height: number;
}

/** One row of the list: a message, or the choices of an n>1 answer side by side. */
export const MessageRow = memo(function MessageRow({ threadId, row, flash, flight, height }: Props) {
  const [sketch, setSketch] = useState(() => flight?.flying ?? false);
  useEffect(
    () => (sketch && flight ? flight.whenLanded(() => setSketch(false)) : undefined),
    [sketch, flight],
  );
  if (sketch) return <MessageSketch threadId={threadId} row={row} height={height} />;
  if (row.choiceIds) return <ChoiceGroup threadId={threadId} row={row} flash={flash} />;
  return <MessageView threadId={threadId} messageId={row.id} branch={row.branch} flash={flash} />;
});

/** What a sketch shows of its text: more than a row's height can hold at any width. */
const SKETCH_CHARS = 1500;

/**
 * A row as the list flies past it: who wrote it and the start of its text, unformatted, in the
 * height the row will take. Hidden from assistive technology: the row is drawn in full once the
 * list lands, and only then can it be focused.
 */
function MessageSketch({ threadId, row, height }: { threadId: string; row: PathRow; height: number }) {
  const message = useStore((s) => findMessage(s.details[threadId]?.messages, row.id));
  if (!message) return null;
  return (
    <div className={`msg msg-${message.role} msg-sketch`} style={{ height }} aria-hidden="true">
      <div className="msg-head">
        <span className="msg-role">{ROLE_LABEL[message.role]}</span>
      </div>
      <div className="msg-sketch-text">{message.content.slice(0, SKETCH_CHARS)}</div>
    </div>
  );
}
