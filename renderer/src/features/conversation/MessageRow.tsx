import { memo } from 'react';
import { ChoiceGroup } from './ChoiceGroup';
import { MessageView } from './MessageView';
import type { PathRow } from '../../store/conversation/branches';

interface Props {
  threadId: string;
  row: PathRow;
  flash: boolean;
}

/** One row of the list: a message, or the choices of an n>1 answer side by side. */
export const MessageRow = memo(function MessageRow({ threadId, row, flash }: Props) {
  if (row.choiceIds) return <ChoiceGroup threadId={threadId} row={row} flash={flash} />;
  return <MessageView threadId={threadId} messageId={row.id} branch={row.branch} flash={flash} />;
});
