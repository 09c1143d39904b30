import { useEffect, useState } from 'react';
import { api } from '../../bridge/api';
import type { SchemaProblem } from './toolForm';
import { localSchemaProblems } from './toolForm';
import { failureLine } from '../../platform/describeError';

const DEBOUNCE_MS = 250;

export interface SchemaCheck {
  problems: SchemaProblem[];
  /** True while main is compiling the latest text: saving waits for it. */
  checking: boolean;
  /** True before any answer from main: the only time "checking" is worth showing. */
  firstCheck: boolean;
}

/**
 * Live validation of a parameters schema: syntax and shape at once, then main's Ajv compile
 * (the same check that runs before a request is sent), debounced so typing stays smooth.
 */
export function useSchemaProblems(schemaText: string, subject?: string, enabled = true): SchemaCheck {
  const [remote, setRemote] = useState<{ text: string; problems: SchemaProblem[] } | null>(null);
  const local = enabled ? localSchemaProblems(schemaText, subject) : [];
  const needsRemote = enabled && local.length === 0;

  useEffect(() => {
    if (!needsRemote) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.tools.validateSchema({ schemaText }).then((result) => {
        if (!live) return;
        const problems = result.ok
          ? result.value.issues.map((i) => ({ path: i.path, message: i.message }))
          : [{ path: '$', message: `Could not check the schema: ${failureLine(result.error)}` }];
        setRemote({ text: schemaText, problems });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [schemaText, needsRemote]);

  if (!needsRemote) return { problems: local, checking: false, firstCheck: false };
  // While the next answer is on its way the last one stays up, so the list does not flicker per keystroke.
  if (remote?.text !== schemaText)
    return { problems: remote?.problems ?? [], checking: true, firstCheck: remote === null };
  return { problems: remote.problems, checking: false, firstCheck: false };
}
