import { useEffect, useState } from 'react';
import type { JsonIssue } from '../../../main/contract/jsonSchemaCheck';

/** Whether a value fits a JSON Schema: main/contract/jsonSchemaCheck.ts's checkAgainstSchema. */
export type SchemaCheck = (value: unknown, schema: Record<string, unknown>) => JsonIssue[];

// The check carries a JSON Schema interpreter and RE2 (~53 KB gzip, 176 KB of code): the first
// screen does not need them, so their code is its own chunk, asked for once the app starts.
let loaded: SchemaCheck | null = null;
let loading: Promise<SchemaCheck> | null = null;

export function loadSchemaCheck(): Promise<SchemaCheck> {
  loading ??= import('../../../main/contract/jsonSchemaCheck').then((m) => (loaded = m.checkAgainstSchema));
  return loading;
}

/** The check when its code is here, else null (and its code starts loading). */
export function schemaCheckNow(): SchemaCheck | null {
  if (!loaded) void loadSchemaCheck();
  return loaded;
}

/**
 * The check for a component: null until its code is here (values then show unchecked), and the
 * component draws again once it is. The app asks for it at start, so this is rarely null.
 */
export function useSchemaCheck(): SchemaCheck | null {
  const [check, setCheck] = useState<SchemaCheck | null>(() => loaded);
  useEffect(() => {
    if (check) return;
    let live = true;
    void loadSchemaCheck().then((next) => {
      if (live) setCheck(() => next);
    });
    return () => {
      live = false;
    };
  }, [check]);
  return check;
}
