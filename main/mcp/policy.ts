import type { McpFlag, McpPolicy } from '../contract';

/**
 * What happens to a call. Annotations are the server's own claims, so they are shown but never
 * make a call run unasked: `destructiveHint` counts as true unless the server says otherwise, and
 * even a "read-only" tool starts at `ask`.
 */

export type Decision = 'allow' | 'ask' | 'blocked' | 'deny' | 'canned';

export interface ToolState {
  policy: McpPolicy;
  /** The hash approved by the user; null: never approved. */
  pinnedHash: string | null;
  currentHash: string;
  flags: readonly McpFlag[];
  /** The user set a canned answer to be returned instead of running the tool. */
  canned?: boolean;
}

/** Per the MCP spec a tool is destructive unless it says it is read-only or not destructive. */
export function claimsDestructive(annotations: Readonly<Record<string, unknown>>): boolean {
  if (annotations.readOnlyHint === true) return false;
  return annotations.destructiveHint !== false;
}

/** A newly listed tool's policy: always `ask`, whatever its annotations claim. */
export function seedPolicy(annotations: Readonly<Record<string, unknown>>): McpPolicy {
  void annotations;
  return 'ask';
}

export function decide(tool: ToolState): Decision {
  if (tool.policy === 'deny') return 'deny';
  // Nothing of the server runs for a canned answer, so neither a pin nor a flag holds it back.
  if (tool.canned === true) return 'canned';
  if (tool.pinnedHash !== null && tool.pinnedHash !== tool.currentHash) return 'blocked';
  if (tool.policy !== 'allow' || tool.pinnedHash === null) return 'ask';
  // A definition hiding characters is never run unasked, even when allowed before.
  if (tool.flags.some((f) => f.kind === 'hidden_unicode')) return 'ask';
  return 'allow';
}

/** What the model reads when the user said no. */
export const DENIED_RESULT = 'The call was denied by the user.';
export const DENIED_BY_POLICY = 'The call was denied by the user (this tool is set to deny).';
