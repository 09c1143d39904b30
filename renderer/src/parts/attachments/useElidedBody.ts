import { useEffect, useMemo, useState } from 'react';
import type { ElidedPart } from './elide';
import { base64Parts, elideBase64, sha256OfBase64 } from './elide';

/** `text` with its base64 elided, and how many payloads were; hashes fill in as they are computed. */
export function useElidedBody(text: string): { shown: string; elided: number } {
  const parts = useMemo(() => base64Parts(text), [text]);
  // Hashes belong to the parts they were computed for: a new body shows "(hashing)" until its own arrive.
  const [hashed, setHashed] = useState<{ of: ElidedPart[]; hashes: string[] } | null>(null);
  useEffect(() => {
    if (parts.length === 0) return;
    let live = true;
    void Promise.all(parts.map((p) => sha256OfBase64(p.base64))).then((hashes) => {
      if (live) setHashed({ of: parts, hashes });
    });
    return () => {
      live = false;
    };
  }, [parts]);
  const shown = useMemo(
    () => (parts.length === 0 ? text : elideBase64(text, hashed?.of === parts ? hashed.hashes : [])),
    [text, parts, hashed],
  );
  return { shown, elided: parts.length };
}
