import { useMemo } from 'react';
import type { ResponseMeta } from '../../../../main/contract/chat';
import { CopyButton } from './CopyButton';
import { buildCurl, curlVariables } from './curl';
import { InspectorSection } from './InspectorSection';

/** The same request as a shell command; secrets are read from shell variables, never written out. */
export function CurlSection({ meta }: { meta: ResponseMeta }) {
  const command = useMemo(
    () => buildCurl({ url: meta.url, headers: meta.requestHeaders, body: meta.requestBody }),
    [meta],
  );
  const variables = useMemo(() => curlVariables(meta.requestHeaders), [meta]);
  return (
    <InspectorSection title="curl" actions={<CopyButton text={command} label="Copy the curl command" />}>
      <pre className="inspector-code inspector-curl mono" data-testid="curl-command">
        {command}
      </pre>
      {variables.length > 0 ? (
        <span className="field-hint">
          Set{' '}
          {variables.map((name, i) => (
            <span key={name}>
              {i > 0 ? (i === variables.length - 1 ? ' and ' : ', ') : null}
              <code>{name}</code>
            </span>
          ))}{' '}
          in your shell first: the app never puts secrets here.
        </span>
      ) : null}
    </InspectorSection>
  );
}
