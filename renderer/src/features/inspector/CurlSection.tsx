import { useMemo } from 'react';
import type { ResponseMeta } from '../../../../main/contract/chat';
import { CopyButton } from './CopyButton';
import { buildCurl } from './curl';
import { InspectorSection } from './InspectorSection';

/** The same request as a shell command; the key is read from `$API_KEY`, never written out. */
export function CurlSection({ meta }: { meta: ResponseMeta }) {
  const command = useMemo(
    () => buildCurl({ url: meta.url, headers: meta.requestHeaders, body: meta.requestBody }),
    [meta],
  );
  return (
    <InspectorSection title="curl" actions={<CopyButton text={command} label="Copy the curl command" />}>
      <pre className="inspector-code inspector-curl mono" data-testid="curl-command">
        {command}
      </pre>
      <span className="field-hint">
        Set <code>API_KEY</code> in your shell first: the app never puts the secret here.
      </span>
    </InspectorSection>
  );
}
