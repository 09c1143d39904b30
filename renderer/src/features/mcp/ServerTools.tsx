import { useState } from 'react';
import type { McpDiff, McpPolicy, McpTool } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { Dialog, Select } from '../../ui';
import type { SelectOption } from '../../ui';
import { CannedAnswer } from './CannedAnswer';
import { CannedChip, DiffView } from '../../parts/mcp';

const POLICIES: SelectOption<McpPolicy>[] = [
  { id: 'ask', label: 'Ask each time' },
  { id: 'allow', label: 'Allow' },
  { id: 'deny', label: 'Deny' },
];

/** The server's tools: policy per tool, the server's claims (shown, not trusted), flags, pin state. */
export function ServerTools({ tools }: { tools: McpTool[] }) {
  const loadMcp = useStore((s) => s.loadMcp);
  const [diff, setDiff] = useState<{ tool: McpTool; diff: McpDiff } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const setPolicy = async (tool: McpTool, policy: McpPolicy) => {
    const result = await api.mcp.setPolicy({ serverId: tool.serverId, name: tool.name, policy });
    if (!result.ok) setError(failureLine(result.error));
    void loadMcp();
  };
  const showDiff = async (tool: McpTool) => {
    const result = await api.mcp.diff({ serverId: tool.serverId, name: tool.name });
    if (result.ok) setDiff({ tool, diff: result.value });
    else setError(failureLine(result.error));
  };

  if (tools.length === 0)
    return <p className="field-hint">No tools listed yet: start the server to read them.</p>;
  return (
    <>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <ul className="mcp-tools" aria-label="Tools of this server">
        {tools.slice(0, 300).map((tool) => (
          <li key={tool.name} className="mcp-tool">
            <div className="mcp-tool-head">
              <span className="mono mcp-tool-name">{tool.name}</span>
              {tool.destructive ? (
                <span
                  className="chip chip-warn"
                  title="The server does not say it is read-only; it may change things"
                >
                  may change things
                </span>
              ) : (
                <span className="chip" title="The server's claim, not checked">
                  says read-only
                </span>
              )}
              {tool.changed ? (
                <button
                  type="button"
                  className="chip chip-danger mcp-chip-button"
                  onClick={() => void showDiff(tool)}
                >
                  changed since approved: see the diff
                </button>
              ) : tool.pinned ? (
                <span className="chip chip-ok">approved</span>
              ) : null}
              {tool.problem ? <span className="chip chip-danger">unusable</span> : null}
              {tool.canned?.active ? (
                <CannedChip title="Calls get your canned answer; the tool does not run">
                  canned answer
                </CannedChip>
              ) : null}
              <Select<McpPolicy>
                label={`Policy for ${tool.name}`}
                hideLabel
                className="mcp-policy"
                options={POLICIES}
                value={tool.policy}
                onChange={(policy) => void setPolicy(tool, policy)}
              />
            </div>
            {tool.description ? <p className="mcp-tool-desc">{tool.description}</p> : null}
            {tool.problem ? <p className="field-error">{tool.problem}</p> : null}
            {tool.flags.map((flag, i) => (
              <p key={i} className="field-error" data-testid="mcp-flag">
                {flag.kind === 'hidden_unicode' ? 'Hidden characters: ' : 'Suspicious text: '}
                {flag.detail}
              </p>
            ))}
            <CannedAnswer key={`${tool.canned?.answer ?? ''}:${String(tool.canned?.active)}`} tool={tool} />
          </li>
        ))}
      </ul>
      {tools.length > 300 ? (
        <p className="field-hint">
          {tools.length - 300} more tools not shown; a request can carry at most 128, so attach single tools.
        </p>
      ) : null}
      {diff ? (
        <Dialog title={`${diff.tool.name} changed`} onClose={() => setDiff(null)} size="lg" closeButton>
          <p className="field-hint">
            What you approved, and what the server describes now. The tool stays blocked until you approve it
            again from a call.
          </p>
          <DiffView diff={diff.diff} />
        </Dialog>
      ) : null}
    </>
  );
}
