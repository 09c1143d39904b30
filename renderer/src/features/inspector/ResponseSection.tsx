import { useState } from 'react';
import type { ResponseMeta } from '../../../../main/contract/chat';
import { InspectorSection } from './InspectorSection';
import { formatDuration, headersThatMatter, readSeed, timingSteps } from './responseFacts';

const Fact = ({
  name,
  value,
  mono = true,
}: {
  name: string;
  value: string | number | null;
  mono?: boolean;
}) =>
  value === null ? null : (
    <>
      <dt>{name}</dt>
      <dd className={mono ? 'mono' : 'num'}>{value}</dd>
    </>
  );

/** Status, identifiers, reproducibility facts, headers that matter and the timeline of one exchange. */
export function ResponseSection({ meta }: { meta: ResponseMeta }) {
  const [allHeaders, setAllHeaders] = useState(false);
  const headers = allHeaders
    ? Object.entries(meta.responseHeaders).sort(([a], [b]) => a.localeCompare(b))
    : headersThatMatter(meta.responseHeaders);
  const total = Object.keys(meta.responseHeaders).length;
  const ok = meta.status !== null && meta.status >= 200 && meta.status < 300;
  return (
    <>
      <InspectorSection title="Response">
        <dl className="inspector-facts">
          <dt>status</dt>
          <dd>
            <span className={meta.status === null ? 'chip' : ok ? 'chip chip-ok' : 'chip chip-danger'}>
              {meta.status ?? 'no response'}
            </span>
          </dd>
          <Fact name="model" value={meta.model} />
          <Fact name="system_fingerprint" value={meta.systemFingerprint ?? '—'} />
          <Fact name="seed" value={readSeed(meta.requestBody) ?? 'not sent'} />
          <Fact name="service_tier" value={meta.serviceTier} />
          <Fact name="id" value={meta.completionId} />
          <Fact name="request id" value={meta.requestId} />
          <Fact name="sha256" value={meta.responseSha256} />
          <Fact name="attempts" value={meta.attempts} mono={false} />
        </dl>
        {meta.droppedFields.length > 0 ? (
          <div className="inspector-dropped">
            <span className="label">Not sent (the model does not support them)</span>
            <div className="inspector-chips">
              {meta.droppedFields.map((f) => (
                <span key={f} className="chip chip-warn mono">
                  {f}
                </span>
              ))}
            </div>
          </div>
        ) : null}
      </InspectorSection>
      <InspectorSection title="Timings">
        <table className="inspector-table inspector-timings">
          <tbody>
            {timingSteps(meta.timings).map((step) => (
              <tr key={step.label}>
                <th scope="row">{step.label}</th>
                <td className="num">
                  {step.sinceSent === null ? '—' : `+${formatDuration(step.sinceSent)}`}
                </td>
                <td className="num inspector-delta">
                  {step.sincePrevious === null ? '' : `Δ ${formatDuration(step.sincePrevious)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </InspectorSection>
      <InspectorSection
        title="Response headers"
        actions={
          total > 0 ? (
            <label className="inspector-toggle">
              <input type="checkbox" checked={allHeaders} onChange={(e) => setAllHeaders(e.target.checked)} />
              all {total}
            </label>
          ) : null
        }
      >
        {headers.length === 0 ? (
          <p className="field-hint">
            {total === 0 ? 'No headers recorded.' : 'None of the usual ones; tick “all” to see every header.'}
          </p>
        ) : (
          <table className="inspector-table inspector-headers">
            <tbody>
              {headers.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="mono">
                    {name}
                  </th>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </InspectorSection>
    </>
  );
}
