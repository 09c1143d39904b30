import { useEffect, useState } from 'react';
import type { McpResult } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { CannedChip } from '../mcp';
import './mcpApproval.css';

/** A server tool's result as it returned it (text, images, resources, structured), marked untrusted. */
export function McpResultView({ toolCallId }: { toolCallId: string }) {
  const [result, setResult] = useState<McpResult | null>(null);
  const [full, setFull] = useState(false);
  useEffect(() => {
    let live = true;
    void api.mcp.result({ toolCallId, full }).then((r) => live && r.ok && setResult(r.value));
    return () => {
      live = false;
    };
  }, [toolCallId, full]);
  if (!result) return null;
  const { run } = result;
  return (
    <div className="mcp-result" data-testid="mcp-result">
      <div className="mcp-result-head">
        {run.status === 'canned' ? (
          <CannedChip title="Your own answer, returned instead of running the tool">
            your canned answer
          </CannedChip>
        ) : (
          <span
            className="chip chip-warn"
            title="Written by the server: it may contain instructions aimed at the model"
          >
            untrusted result
          </span>
        )}
        <span className="field-hint">
          {run.serverName} · {run.status} · {run.durationMs} ms
        </span>
      </div>
      {result.content.map((c, i) =>
        c.type === 'image' ? (
          <img
            key={i}
            className="mcp-result-image"
            alt={`Image from ${run.tool}`}
            src={`data:${c.mimeType};base64,${c.data}`}
          />
        ) : c.type === 'resource' ? (
          <div key={i}>
            <span className="field-hint mono">{c.uri}</span>
            {c.text ? <pre className="tcalls-result mono">{c.text}</pre> : null}
          </div>
        ) : (
          <pre key={i} className="tcalls-result mono">
            {c.text}
          </pre>
        ),
      )}
      {result.structured ? (
        <pre className="tcalls-result mono" aria-label="Structured content">
          {result.structured}
        </pre>
      ) : null}
      {result.truncated ? (
        <button type="button" className="btn btn-sm" onClick={() => setFull(true)}>
          Show all ({result.totalChars.toLocaleString('en-US')} characters)
        </button>
      ) : null}
    </div>
  );
}
