// One Intel collateral source per provider: a provider may name its own PCCS (a provider
// setting), and falls back to the app's source (Intel's PCS; here a mock) when it names none.
// Which source served the collateral shows in the requests each mock PCS saw and in the transcript.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from '../mock-provider';
import { startAttestApp, type AttestApp } from '../support/app';
import { startMockPcs, type MockPcs } from './mockPcs';

let mock: MockProvider;
let app: AttestApp;
let appPcs: MockPcs;
let pccs: MockPcs;

beforeAll(async () => {
  [mock, appPcs, pccs] = await Promise.all([
    startMockProvider({ chunkDelayMs: 0 }),
    startMockPcs(),
    startMockPcs(),
  ]);
  app = await startAttestApp(mock, undefined, {
    worker: null,
    collateral: { pcsBase: appPcs.base, rootCaCrlUrl: appPcs.rootCaCrlUrl },
  });
}, 60_000);
afterAll(async () => {
  await app.close();
  await Promise.all([mock.close(), appPcs.close(), pccs.close()]);
});
beforeEach(() => {
  appPcs.requests.length = 0;
  pccs.requests.length = 0;
});

const providerId = () => app.providerId;
const check = () => app.call('attestation:check', { providerId: providerId(), model: 'phala/gpt-oss-120b' });
const gatewayTcb = '/tdx/certification/v4/tcb?fmspc=B0C06F000000';
const collateralReasons = (report: Awaited<ReturnType<typeof check>>) =>
  report.checks.filter((c) => c.id.includes('collateral')).map((c) => c.reason);

describe('the Intel collateral source', () => {
  it("is the app's while the provider names none", async () => {
    expect(await app.call('attestation:collateral', { providerId: providerId() })).toEqual({
      providerId: providerId(),
      url: null,
      effective: appPcs.base,
    });
    const report = await check();
    expect(appPcs.requests).toContain(gatewayTcb);
    expect(pccs.requests).toEqual([]);
    expect(collateralReasons(report).join('\n')).toContain(new URL(appPcs.base).host);
  });

  it("is the provider's PCCS once set, with the PCCS's own root CA CRL, and the app's again when cleared", async () => {
    const set = await app.call('attestation:setCollateral', {
      providerId: providerId(),
      url: `${pccs.base}/`,
    });
    expect(set).toEqual({ providerId: providerId(), url: pccs.base, effective: pccs.base });
    const report = await check();
    expect(pccs.requests).toEqual(expect.arrayContaining([gatewayTcb, '/sgx/certification/v4/rootcacrl']));
    expect(appPcs.requests).toEqual([]);
    expect(collateralReasons(report).join('\n')).toContain(new URL(pccs.base).host);

    await app.call('attestation:setCollateral', { providerId: providerId(), url: ' ' });
    pccs.requests.length = 0;
    await check();
    expect(appPcs.requests).toContain(gatewayTcb);
    expect(pccs.requests).toEqual([]);
  });

  it('refuses a URL that is not one, or plain http to another machine, saying why, and keeps the setting', async () => {
    await app.call('attestation:setCollateral', { providerId: providerId(), url: pccs.base });
    await expect(
      app.call('attestation:setCollateral', { providerId: providerId(), url: 'pccs.example' }),
    ).rejects.toThrow('“pccs.example” is not a URL. Give the PCCS base URL');
    await expect(
      app.call('attestation:setCollateral', { providerId: providerId(), url: 'http://pccs.example:8081' }),
    ).rejects.toThrow('The PCCS must be reached over https (http only on this machine), not http.');
    expect((await app.call('attestation:collateral', { providerId: providerId() })).url).toBe(pccs.base);
    await app.call('attestation:setCollateral', { providerId: providerId(), url: null });
  });
});
