import type { SchemaProblem } from './toolForm';

interface SchemaProblemListProps {
  id: string;
  problems: readonly SchemaProblem[];
  checking: boolean;
  /** What a clean result means, e.g. "Valid object schema". */
  okText: string;
}

/** The schema's problems with their JSON paths; announced politely as they change. */
export function SchemaProblemList({ id, problems, checking, okText }: SchemaProblemListProps) {
  return (
    <div id={id} className="tools-problems" aria-live="polite">
      {problems.length === 0 ? (
        <span className={checking ? 'chip' : 'chip chip-ok'}>{checking ? 'Checking…' : okText}</span>
      ) : (
        <>
          <span className="chip chip-danger">
            {problems.length} problem{problems.length === 1 ? '' : 's'}
            {checking ? ' · checking…' : ''}
          </span>
          <ul className="tools-problem-list" aria-label="Schema problems">
            {problems.map((p, i) => (
              <li key={`${p.path}-${i}`}>
                <code className="tools-problem-path">
                  {p.position !== undefined ? 'syntax' : p.path === '' ? '$' : p.path}
                </code>
                <span>{p.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
