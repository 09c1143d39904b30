import { useMemo } from 'react';
import type { ResponseMeta } from '../../../../main/contract/chat';
import { CopyButton } from './CopyButton';
import { downloadText } from '../../platform/files';
import { CURL_INLINE_MAX_BYTES, buildCurl, curlVariables } from './curl';
import { byteLength } from './responseFacts';
import { InspectorSection } from './InspectorSection';

/** The same request as a shell command; secrets are read from shell variables, never written out. */
export function CurlSection({ meta }: { meta: ResponseMeta }) {
  // A body with attachments is megabytes: the command reads it from a file saved beside it.
  const bodyFile = useMemo(
    () =>
      byteLength(meta.requestBody) > CURL_INLINE_MAX_BYTES
        ? `llm-desk-request-${meta.requestId ?? meta.completionId ?? 'body'}.json`.replace(/[^\w.-]/g, '_')
        : undefined,
    [meta],
  );
  const command = useMemo(
    () => buildCurl({ url: meta.url, headers: meta.requestHeaders, body: meta.requestBody, bodyFile }),
    [meta, bodyFile],
  );
  const variables = useMemo(() => curlVariables(meta.requestHeaders), [meta]);
  return (
    <InspectorSection title="curl" actions={<CopyButton text={command} label="Copy the curl command" />}>
      <pre className="inspector-code inspector-curl mono" data-testid="curl-command">
        {command}
      </pre>
      {bodyFile ? (
        <span className="field-hint">
          The body is {byteLength(meta.requestBody).toLocaleString()} bytes, so the command reads it from{' '}
          <code>{bodyFile}</code>:{' '}
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => downloadText(bodyFile, meta.requestBody)}
          >
            Save the body
          </button>{' '}
          and run the command in the folder it was saved to.
        </span>
      ) : null}
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
