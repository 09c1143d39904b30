import { useMemo, useState } from 'react';
import { CopyButton } from './CopyButton';
import { InspectorSection } from './InspectorSection';
import { byteLength, prettyBody } from './responseFacts';

/** The exact request body: indented for reading, or raw, byte for byte as it was sent. */
export function RequestBodySection({ body, url }: { body: string; url: string }) {
  const [raw, setRaw] = useState(false);
  const pretty = useMemo(() => prettyBody(body), [body]);
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
        {raw ? body : pretty}
      </pre>
      <span className="field-hint num">
        {byteLength(body).toLocaleString()} bytes
        {raw ? ', exactly as sent' : ' · indented for reading; raw shows the exact bytes'}
      </span>
    </InspectorSection>
  );
}
