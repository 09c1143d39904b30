import { useStore } from '../../store';
import { MessageView } from './MessageView';
import type { PathRow } from '../../store/conversation/branches';

interface Props {
  threadId: string;
  row: PathRow;
  flash: boolean;
}

/** The choices of one n>1 answer side by side; the conversation continues from the one picked. */
export function ChoiceGroup({ threadId, row, flash }: Props) {
  const selectBranch = useStore((s) => s.selectBranch);
  const ids = row.choiceIds ?? [row.id];
  return (
    <section
      className={`choices${flash ? ' is-flash' : ''}`}
      aria-label={`${ids.length} choices`}
      data-testid="choice-group"
    >
      <div className="choices-head">
        <span className="section-title">{ids.length} choices</span>
        <span className="field-hint">The conversation continues from the one you pick.</span>
      </div>
      <div
        className="choices-grid"
        style={{ gridTemplateColumns: `repeat(${Math.min(ids.length, 3)}, minmax(0, 1fr))` }}
      >
        {ids.map((id, i) => (
          <div key={id} className={id === row.id ? 'choice is-active' : 'choice'}>
            <div className="choice-head">
              <span className="num choice-index">Choice {i + 1}</span>
              {id === row.id ? (
                <span className="chip chip-ok">Continuing</span>
              ) : (
                <button
                  type="button"
                  className="btn btn-ghost choice-pick"
                  onClick={() => void selectBranch(threadId, id)}
                >
                  Continue with this
                </button>
              )}
            </div>
            <MessageView
              threadId={threadId}
              messageId={id}
              branch={id === row.id ? row.branch : null}
              flash={false}
              compact
            />
          </div>
        ))}
      </div>
    </section>
  );
}
