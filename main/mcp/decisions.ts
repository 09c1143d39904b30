import type { McpCallDecision, McpPendingCall, ToolCall } from '../contract';
import { AppFailure } from '../contract';
import { checkAgainstSchema } from '../contract/jsonSchemaCheck';
import type { OfferedTool } from './catalog';
import { flagsOf } from './catalog';
import { definitionDiff } from './pinning';
import { claimsDestructive, decide } from './policy';

/** Arguments as the model or the user wrote them: a JSON object, or null. */
export function parseArgs(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text === '' ? '{}' : text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** What the approval card shows of one call: its tool, the policy's decision, flags and diff. */
export function pendingCallOf(call: ToolCall, { server, row }: OfferedTool): McpPendingCall {
  const flags = flagsOf(row);
  const decision = decide({
    policy: row.policy,
    pinnedHash: row.pinnedHash,
    currentHash: row.currentHash,
    flags,
    canned: row.canned?.active === true,
  });
  return {
    toolCallId: call.id,
    functionName: call.function.name,
    serverId: server.id,
    serverName: server.name,
    tool: row.name,
    description: row.definition.description,
    argumentsText: call.function.arguments,
    inputSchema: row.definition.inputSchema,
    decision,
    destructive: claimsDestructive(row.annotations),
    flags,
    diff: decision === 'blocked' ? definitionDiff(row.pinned, row.definition) : null,
    canned: decision === 'canned' ? (row.canned?.answer ?? '') : null,
    outcome: 'waiting',
  };
}

const refuse = (message: string, field: string, issues?: { path: string; message: string }[]) =>
  new AppFailure('invalid_request', message, { detail: issues ? { field, issues } : { field } });

/**
 * The user's decisions for every call of a batch, checked before any call runs: calls the policy
 * decides (deny, allow, canned) may be left out; a denied-by-policy call cannot be allowed; edited
 * arguments must be a JSON object its schema accepts.
 */
export function completeDecisions(
  calls: readonly McpPendingCall[],
  decisions: readonly McpCallDecision[],
): McpCallDecision[] {
  const byId = new Map(decisions.map((d) => [d.toolCallId, d]));
  return calls.map((call) => {
    const forced = call.decision === 'deny' || call.decision === 'allow' || call.decision === 'canned';
    const d =
      byId.get(call.toolCallId) ??
      (forced
        ? {
            toolCallId: call.toolCallId,
            action: call.decision === 'deny' ? ('deny' as const) : ('once' as const),
          }
        : null);
    if (!d) throw refuse(`decisions: decide the call to ${call.tool} too`, 'decisions');
    if (call.decision === 'deny' && d.action !== 'deny')
      throw refuse(`decisions: ${call.tool} is set to deny; change its policy first`, 'decisions');
    if (d.action !== 'deny' && d.argumentsText !== undefined) {
      const args = parseArgs(d.argumentsText);
      if (args === null)
        throw refuse(`arguments: the arguments of ${call.tool} are not a JSON object`, 'arguments');
      const issues = checkAgainstSchema(args, call.inputSchema);
      if (issues.length > 0)
        throw refuse(
          `arguments: ${call.tool}: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`.trim(),
          'arguments',
          issues,
        );
    }
    return d;
  });
}
