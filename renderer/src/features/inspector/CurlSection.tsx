import { useMemo, useState } from 'react';
import type { ResponseMeta } from '../../../../main/contract/chat';
import { CopyButton } from './CopyButton';
import { downloadText } from '../../platform/files';
import { exactRequestBody, requestBodyBytes } from '../../parts/attachments';
import { CURL_INLINE_MAX_BYTES, buildCurl, curlVariables } from './curl';
import { InspectorSection } from './InspectorSection';

/** The same request as a shell command; secrets are read from shell variables, never written out. */
export function CurlSection({ meta, messageId }: { meta: ResponseMeta; messageId: string }) {
  const bytes = requestBodyBytes(meta);
  // A body with attachments is megabytes: the command reads it from a file saved beside it (a
  // body the window holds elided is always one: its exact bytes are read when saved).
  const bodyFile = useMemo(
    () =>
      bytes > CURL_INLINE_MAX_BYTES || meta.requestBodyElided
        ? `llm-desk-request-${meta.requestId ?? meta.completionId ?? 'body'}.json`.replace(/[^\w.-]/g, '_')
        : undefined,
    [meta, bytes],
  );
  const [saveFailed, setSaveFailed] = useState<string | null>(null);
  const save = (file: string) => {
    setSaveFailed(null);
    exactRequestBody(messageId, meta).then(
      (body) => downloadText(file, body),
      (error: unknown) => setSaveFailed(error instanceof Error ? error.message : String(error)),
    );
  };
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
          The body is {bytes.toLocaleString()} bytes, so the command reads it from <code>{bodyFile}</code>:{' '}
          <button type="button" className="btn btn-sm" onClick={() => save(bodyFile)}>
            Save the body
          </button>{' '}
          and run the command in the folder it was saved to.
          {saveFailed ? <span role="alert"> The body could not be read: {saveFailed}</span> : null}
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
