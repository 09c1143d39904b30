import type { AttestationReport } from '../../../../main/contract';
import './attestation.css';

/** Measurements, certificate chains and the compose file of one checked report. */
export function ReportDetails({ report }: { report: AttestationReport }) {
  return (
    <>
      <details className="att-details">
        <summary>Measurements ({report.measurements.length})</summary>
        <dl className="att-measurements mono">
          {report.measurements.map((m) => (
            <div key={m.name}>
              <dt>{m.name}</dt>
              <dd>{m.value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details className="att-details">
        <summary>Certificate chains ({report.chains.length})</summary>
        {report.chains.map((chain) => (
          <div key={chain.name} className="att-chain">
            <h4>{chain.name}</h4>
            <ol>
              {chain.certificates.map((c) => (
                <li key={c.sha256}>
                  <div>{c.subject}</div>
                  <div className="field-hint">
                    issued by {c.issuer} · {c.notBefore} → {c.notAfter}
                  </div>
                  <div className="field-hint mono">SHA-256 {c.sha256}</div>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </details>
      <details className="att-details">
        <summary>Compose file{report.composeHash ? ` (${report.composeHash.slice(0, 12)}…)` : ''}</summary>
        {report.compose ? (
          <pre className="att-pre">{report.compose}</pre>
        ) : (
          <p className="field-hint">The report carries no compose file.</p>
        )}
      </details>
    </>
  );
}
