import { ChevronDown, Plus, Trash2 } from 'lucide-react';
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportedCases, TestCase } from '../../../../main/contract/experiments';
import { userVariablesIn } from '../../../../main/contract/templateVars';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Menu, MenuItem, MenuTrigger } from '../../ui/Menu';
import { ThreadCasesDialog } from './ThreadCasesDialog';

/** Rows edited in place; a longer table (up to 10,000 imported) shows its first rows and counts the rest. */
const SHOWN_ROWS = 200;

/** Test cases: one row per case, one column per variable. */
export function CasesEditor() {
  const { draft, edit, parse } = useStore(
    useShallow((s) => ({ draft: s.experimentDraft, edit: s.editExperiment, parse: s.parseExperimentCases })),
  );
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'replace' | 'add'>('replace');
  const [notes, setNotes] = useState<{ kind: 'ok' | 'error'; lines: string[] } | null>(null);
  const [threadsOpen, setThreadsOpen] = useState(false);
  if (!draft) return null;
  const { config, prompt } = draft;
  const promptVars = userVariablesIn(...prompt.messages.map((m) => m.content));
  const columns = [...new Set([...promptVars, ...config.cases.flatMap((c) => Object.keys(c.values))])];
  const setCases = (cases: TestCase[]) => edit({ config: { ...config, cases } });

  const take = (imported: ImportedCases, how: 'replace' | 'add', source: string) => {
    setCases(how === 'replace' ? imported.cases : [...config.cases, ...imported.cases]);
    setNotes({
      kind: 'ok',
      lines: [
        `${how === 'replace' ? 'Imported' : 'Added'} ${imported.cases.length.toLocaleString('en-US')} cases from ${source}.`,
        ...imported.warnings,
      ],
    });
  };

  const importFile = async (file: File) => {
    const format = /\.jsonl?$/i.test(file.name) ? 'jsonl' : 'csv';
    const result = await parse(await file.text(), format);
    if (typeof result === 'string') setNotes({ kind: 'error', lines: [`${file.name}: ${result}`] });
    else take(result, mode, file.name);
  };

  const missing = promptVars.filter((v) => config.cases.some((c) => c.values[v] === undefined));

  return (
    <section className="exp-section" aria-labelledby="exp-cases-title">
      <div className="exp-section-head">
        <h2 id="exp-cases-title" className="section-title">
          Test cases
        </h2>
        <span className="exp-section-note" data-testid="case-count">
          {config.cases.length.toLocaleString('en-US')} case{config.cases.length === 1 ? '' : 's'}
        </span>
        <div className="exp-bar-spacer" />
        <MenuTrigger>
          <Button size="sm">
            Import cases
            <ChevronDown size={14} />
          </Button>
          <Menu
            aria-label="Import cases"
            onAction={(key) => {
              if (key === 'threads') return setThreadsOpen(true);
              setMode(key === 'add' ? 'add' : 'replace');
              fileRef.current?.click();
            }}
          >
            <MenuItem id="replace" hint="header row = variables">
              Replace from CSV or JSONL…
            </MenuItem>
            <MenuItem id="add">Add from CSV or JSONL…</MenuItem>
            <MenuItem id="threads" hint="input, expected">
              Add from threads…
            </MenuItem>
          </Menu>
        </MenuTrigger>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,.jsonl,.json,text/csv"
          aria-label="Import test cases from a CSV or JSONL file"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {notes ? (
        <div className={notes.kind === 'error' ? 'banner banner-error' : 'banner'} role="status">
          {notes.lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      ) : null}
      {missing.length ? (
        <p className="exp-field-problem">
          No column for {missing.map((v) => `{{${v}}}`).join(', ')} in some cases: those cases cannot run.
        </p>
      ) : null}
      {columns.length === 0 ? (
        <p className="field-hint">Use {'{{name}}'} in the prompt: each variable becomes a column here.</p>
      ) : (
        <div className="exp-cases-wrap scroll">
          <table className="exp-cases">
            <thead>
              <tr>
                <th className="exp-cases-index">#</th>
                {columns.map((c) => (
                  <th key={c} scope="col" className="mono">
                    {c}
                  </th>
                ))}
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {config.cases.slice(0, SHOWN_ROWS).map((testCase, index) => (
                <tr key={testCase.id}>
                  <td className="exp-cases-index num">{index + 1}</td>
                  {columns.map((column) => (
                    <td key={column}>
                      <textarea
                        className="exp-case-input"
                        rows={1}
                        aria-label={`${column} of case ${index + 1}`}
                        value={testCase.values[column] ?? ''}
                        onChange={(e) =>
                          setCases(
                            config.cases.map((c) =>
                              c.id === testCase.id
                                ? { ...c, values: { ...c.values, [column]: e.target.value } }
                                : c,
                            ),
                          )
                        }
                      />
                    </td>
                  ))}
                  <td>
                    <IconButton
                      label={`Remove case ${index + 1}`}
                      size="sm"
                      onPress={() => setCases(config.cases.filter((c) => c.id !== testCase.id))}
                    >
                      <Trash2 />
                    </IconButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {config.cases.length > SHOWN_ROWS ? (
            <p className="field-hint">
              {(config.cases.length - SHOWN_ROWS).toLocaleString('en-US')} more cases are not shown here; all
              of them run.
            </p>
          ) : null}
        </div>
      )}
      <div className="exp-row-actions">
        <Button
          size="sm"
          isDisabled={columns.length === 0}
          onPress={() =>
            setCases([
              ...config.cases,
              { id: crypto.randomUUID(), values: Object.fromEntries(columns.map((c) => [c, ''])) },
            ])
          }
        >
          <Plus size={14} /> Case
        </Button>
      </div>
      {threadsOpen ? (
        <ThreadCasesDialog
          onClose={() => setThreadsOpen(false)}
          onAdd={(imported) => {
            take(imported, 'add', 'threads');
            setThreadsOpen(false);
          }}
        />
      ) : null}
    </section>
  );
}
