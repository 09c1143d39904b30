import { Plus, Trash2 } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { Check, CheckType } from '../../../../main/contract/experiments';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Select } from '../../ui/Select';
import { CheckFields } from './CheckFields';

export const CHECK_TYPES: { type: CheckType; label: string }[] = [
  { type: 'contains', label: 'Contains' },
  { type: 'notContains', label: 'Does not contain' },
  { type: 'regex', label: 'Matches regex' },
  { type: 'equals', label: 'Equals' },
  { type: 'jsonSchema', label: 'JSON valid against schema' },
  { type: 'toolCalled', label: 'Calls a tool' },
  { type: 'costMax', label: 'Cost at most' },
  { type: 'latencyMax', label: 'Latency at most' },
  { type: 'tokensMax', label: 'Tokens at most' },
  { type: 'graded', label: 'Graded by a model' },
];

export function blankCheck(type: CheckType, model?: { providerId: string; model: string }): Check {
  switch (type) {
    case 'contains':
    case 'notContains':
      return { type, value: '', ignoreCase: false };
    case 'regex':
      return { type, pattern: '', flags: '' };
    case 'equals':
      return { type, value: '', trim: true };
    case 'jsonSchema':
      return { type, schema: null };
    case 'toolCalled':
      return { type, name: '', argsSchema: null, argsEqual: null };
    case 'costMax':
      return { type, max: 0.01 };
    case 'latencyMax':
      return { type, ms: 5000 };
    case 'tokensMax':
      return { type, max: 500 };
    case 'graded':
      return {
        type,
        rubric: 'The answer is correct and polite.',
        providerId: model?.providerId ?? '',
        model: model?.model ?? '',
      };
  }
}

/** Checks judged on every cell; texts may use the case's variables, e.g. contains {{expected}}. */
export function ChecksEditor() {
  const { draft, edit } = useStore(useShallow((s) => ({ draft: s.experimentDraft, edit: s.editExperiment })));
  if (!draft) return null;
  const { config } = draft;
  const setChecks = (checks: Check[]) => edit({ config: { ...config, checks } });
  return (
    <section className="exp-section" aria-labelledby="exp-checks-title">
      <div className="exp-section-head">
        <h2 id="exp-checks-title" className="section-title">
          Checks
        </h2>
        <span className="exp-section-note">
          Texts may name the case&apos;s variables: contains {'{{expected}}'}
        </span>
      </div>
      <ul className="exp-checks">
        {config.checks.map((check, index) => (
          <li key={index} className="exp-check">
            <Select<CheckType>
              label={`Check ${index + 1} type`}
              hideLabel
              className="exp-check-type"
              options={CHECK_TYPES.map((t) => ({ id: t.type, label: t.label }))}
              value={check.type}
              onChange={(type) =>
                setChecks(
                  config.checks.map((c, i) => (i === index ? blankCheck(type, config.targets[0]) : c)),
                )
              }
            />
            <CheckFields
              check={check}
              index={index}
              onChange={(next) => setChecks(config.checks.map((c, i) => (i === index ? next : c)))}
            />
            <IconButton
              label={`Remove check ${index + 1}`}
              size="sm"
              onPress={() => setChecks(config.checks.filter((_, i) => i !== index))}
            >
              <Trash2 />
            </IconButton>
          </li>
        ))}
      </ul>
      <div className="exp-row-actions">
        <Button size="sm" onPress={() => setChecks([...config.checks, blankCheck('contains')])}>
          <Plus size={14} /> Check
        </Button>
      </div>
    </section>
  );
}
