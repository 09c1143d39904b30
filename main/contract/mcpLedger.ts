import { z } from 'zod';
import { channel } from './define';
import { McpRun } from './mcp';

/**
 * MCP tool runs on the Usage screen (issue 16): each run a ledger row beside the model's requests.
 * The filter is the screen's range with its thread, project and tag filters (the provider, model
 * and request-status filters mean nothing for a tool run), narrowed to a server, tool or status.
 */
export const McpRunFilter = z.object({
  from: z.number(),
  to: z.number(),
  threadId: z.string().optional(),
  projectId: z.string().optional(),
  tag: z.string().optional(),
  serverName: z.string().optional(),
  tool: z.string().optional(),
  status: McpRun.shape.status.optional(),
});
export type McpRunFilter = z.infer<typeof McpRunFilter>;

/** A run as the ledger shows it: the answer that called it, its thread's title (null: gone), its result's size. */
export const McpLedgerRun = McpRun.extend({
  messageId: z.string().nullable(),
  threadTitle: z.string().nullable(),
  /** The result as JSON, in characters (null: none came, e.g. denied, stopped or timed out). */
  resultChars: z.number().nullable(),
});
export type McpLedgerRun = z.infer<typeof McpLedgerRun>;

/** Totals of runs; durations count only runs that ran (a denied or canned call runs nothing). */
export const McpRunTotals = z.object({
  runs: z.number(),
  /** Failed or timed out. */
  errors: z.number(),
  totalMs: z.number(),
  p95Ms: z.number().nullable(),
});
export type McpRunTotals = z.infer<typeof McpRunTotals>;

export const McpToolTotals = McpRunTotals.extend({ serverName: z.string(), tool: z.string() });
export type McpToolTotals = z.infer<typeof McpToolTotals>;

export const McpRunLedger = z.object({
  /** One page of the matching runs, newest first. */
  rows: z.array(McpLedgerRun),
  total: z.number(),
  totals: McpRunTotals,
  /** Per server and tool, the most runs first. */
  byTool: z.array(McpToolTotals),
});
export type McpRunLedger = z.infer<typeof McpRunLedger>;

export const mcpLedgerChannels = {
  /** The Usage screen's tool runs: a page of them, with totals overall and per server and tool. */
  'mcp:runLedger': channel(
    McpRunFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    McpRunLedger,
  ),
  /** The filtered runs as CSV or JSON: names, times, status and sizes; never arguments or results. */
  'mcp:exportRuns': channel(
    McpRunFilter.extend({ format: z.enum(['csv', 'json']) }),
    z.object({ filename: z.string(), text: z.string() }),
  ),
};
