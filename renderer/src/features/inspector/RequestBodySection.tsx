import { useMemo, useState } from 'react';
import { useElidedBody } from '../../parts/attachments';
import { CopyButton } from './CopyButton';
import { InspectorSection } from './InspectorSection';
import { byteLength, prettyBody } from './responseFacts';

/** The exact request body: indented for reading, or raw, byte for byte as it was sent. */
export function RequestBodySection({ body, url }: { body: string; url: string }) {
  const [raw, setRaw] = useState(false);
  const pretty = useMemo(() => prettyBody(body), [body]);
  // Attachments' base64 is shown as its size and SHA-256; Copy gives the exact body.
  const { shown, elided } = useElidedBody(raw ? body : pretty);
  return (
    <InspectorSection
      title="Request body"
      actions={
        <>
          <label className="inspector-toggle">
            <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} />
            raw
          </label>
          <CopyButton text={body} label="Copy the exact request body" />
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
        {byteLength(body).toLocaleString()} bytes
        {raw ? ', exactly as sent' : ' · indented for reading; raw shows the exact bytes'}
        {elided > 0
          ? ` · ${elided} file${elided === 1 ? '' : 's'} shown as size and SHA-256; Copy gives them in full`
          : ''}
      </span>
    </InspectorSection>
  );
}
