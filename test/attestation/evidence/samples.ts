// The recorded attestation samples (a copy of ../shared/attestation-samples kept in
// test/fixtures, with its licences; its README lists every expected value).
// ATTESTATION_SAMPLES points elsewhere when checking another copy.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  bindAddressAndNonce,
  type Check,
  type DcapCollateral,
  type ReportDataBinding,
  type TdxVerifyInput,
} from '../../../main/attestation/evidence';

export const SAMPLES =
  process.env.ATTESTATION_SAMPLES ?? resolve(process.cwd(), 'test/fixtures/attestation-samples');

export const sampleBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(SAMPLES, path)));
export const sampleText = (path: string): string => readFileSync(join(SAMPLES, path), 'utf8');
export const sampleJson = <T>(path: string): T => JSON.parse(sampleText(path)) as T;

export const NONCE = '9a01356cb451dc2c3c0ce9a195245a0be984a3f73617f55f87913fc2f059cba7';
/** The newest timestamp in the NEAR report (its last compose-manager action). */
export const NEAR_TIME = new Date('2026-06-12T17:14:19Z');
/** The DCAP samples' recorded check time (1750331763). */
export const DCAP_TIME = new Date(1750331763 * 1000);

export interface NearLayer {
  signing_address: string;
  signing_public_key?: string;
  intel_quote: string;
  event_log: string | unknown[];
  request_nonce: string;
  nvidia_payload?: string;
  info: { app_id: string; compose_hash: string; tcb_info: { app_compose: string } };
}

export interface NearReport {
  gateway_attestation: NearLayer;
  model_attestations: NearLayer[];
}

export const nearReportText = (): string => sampleText('near/near_report.json');
export const nearReport = (): NearReport => JSON.parse(nearReportText()) as NearReport;

/** verifyTdxReport's input for one NEAR layer, as a caller would build it. */
export function nearInput(layer: NearLayer, overrides: Partial<TdxVerifyInput> = {}): TdxVerifyInput {
  return {
    quote: new Uint8Array(Buffer.from(layer.intel_quote, 'hex')),
    now: NEAR_TIME,
    binding: bindAddressAndNonce(layer.signing_address, NONCE),
    eventLog: layer.event_log,
    composeFile: layer.info.tcb_info.app_compose,
    claimedComposeHash: layer.info.compose_hash,
    claimedAppId: layer.info.app_id,
    ...overrides,
  };
}

export const tdxCollateral = (): DcapCollateral =>
  sampleJson<DcapCollateral>('dcap/tdx_quote_collateral.json');
export const sgxCollateral = (): DcapCollateral =>
  sampleJson<DcapCollateral>('dcap/sgx_quote_collateral.json');

/** The whole 64-byte report_data as one part (the DCAP samples bind no key). */
export const exactReportData = (hex: string): ReportDataBinding => ({
  parts: [{ name: 'report data', offset: 0, hex }],
});

export function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= 0x01;
  return copy;
}

export function checkOf(verdict: { checks: Check[] }, id: string): Check {
  const found = verdict.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${verdict.checks.map((c) => c.id).join(', ')}`);
  return found;
}

export const failedIds = (verdict: { checks: { id: string; status: string }[] }): string[] =>
  verdict.checks.filter((c) => c.status === 'fail').map((c) => c.id);
