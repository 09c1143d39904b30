import { useCallback, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ResponseFormatEditor } from '../../parts/tools';
import { useStore } from '../../store';
import { formatSummary } from './format';

/**
 * The prompt's response format, in the conversation's editor: every variant without a format of
 * its own sends it, and the JSON checks read its schema. While what the editor shows cannot be
 * sent (a schema or name not valid yet), Start waits and says why.
 */
export function PromptFormat() {
  const { prompt, edit, setUnsendable } = useStore(
    useShallow((s) => ({
      prompt: s.experimentDraft?.prompt,
      edit: s.editExperiment,
      setUnsendable: s.setExperimentUnsendable,
    })),
  );
  const onUnsendable = useCallback(
    (reason: string | null) =>
      setUnsendable('prompt', reason && 'The prompt’s response format is not valid yet: fix it to start.'),
    [setUnsendable],
  );
  useEffect(() => () => setUnsendable('prompt', null), [setUnsendable]);
  if (!prompt) return null;
  return (
    <details className="exp-format" data-testid="prompt-format">
      <summary>
        Response format: <span className="exp-format-kind">{formatSummary(prompt.responseFormat)}</span>
      </summary>
      <p className="field-hint">Every variant without a format of its own asks for this one.</p>
      <ResponseFormatEditor
        value={prompt.responseFormat ?? undefined}
        onChange={(next) => edit({ prompt: { ...prompt, responseFormat: next ?? null } })}
        onUnsendable={onUnsendable}
      />
    </details>
  );
}
