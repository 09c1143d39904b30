import { useMemo, useState } from 'react';
import type { ResponseMeta } from '../../../../main/contract/chat';
import { exactRequestBody, requestBodyBytes, useElidedBody } from '../../parts/attachments';
import { CopyButton } from './CopyButton';
import { InspectorSection } from './InspectorSection';
import { prettyBody } from './responseFacts';

/** The exact request body: indented for reading, or raw, byte for byte as it was sent. */
export function RequestBodySection({ meta, messageId }: { meta: ResponseMeta; messageId: string }) {
  const { requestBody: body, url } = meta;
  const [raw, setRaw] = useState(false);
  const pretty = useMemo(() => prettyBody(body), [body]);
  // Attachments' base64 is shown as its size and SHA-256 (main sends a large body so already);
  // Copy gives the exact body.
  const inWindow = useElidedBody(raw ? body : pretty);
  const shown = inWindow.shown;
  const elided = inWindow.elided + (meta.requestBodyElided?.files.length ?? 0);
  const exact = useMemo(() => () => exactRequestBody(messageId, meta), [messageId, meta]);
  return (
    <InspectorSection
      title="Request body"
      actions={
        <>
          <label className="inspector-toggle">
            <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} />
            raw
          </label>
          <CopyButton text={exact} label="Copy the exact request body" />
        </>
      }
    >
      <div className="inspector-url mono" title={url}>
        POST {url}
      </div>
      <pre
        className={raw ? 'inspector-code inspector-raw mono' : 'inspector-code mono'}
        aria-label={raw ? 'Raw request body' : 'Request body'}
        data-testid="request-body"
      >
        {shown}
      </pre>
      <span className="field-hint num">
        {requestBodyBytes(meta).toLocaleString()} bytes
        {raw
          ? elided > 0
            ? ', exactly as sent but for its files'
            : ', exactly as sent'
          : ' · indented for reading; raw shows the exact bytes'}
        {elided > 0
          ? ` · ${elided} file${elided === 1 ? '' : 's'} shown as size and SHA-256; Copy gives them in full`
          : ''}
      </span>
    </InspectorSection>
  );
}
