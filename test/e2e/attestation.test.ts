import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lastAnswer, send } from './chat';
import { useDemoApp } from './harness';

// Verified confidential inference (issue 14), as a user sees it: the shield on each answer, its
// transcript, a tampering gateway turning it red with the failed check named, the proof export
// checked by the command-line verifier, and the provider's Attestation panel.

const demo = useDemoApp();
const SHOTS = process.env.SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'att-shots-'));
const run = promisify(execFile);

async function tamper(mode: 'none' | 'response' | 'signature' | 'address'): Promise<void> {
  const res = await fetch(`${demo.mock().url}/__mock/attestation`, {
    method: 'POST',
    body: JSON.stringify({ tamper: mode }),
  });
  expect(res.ok).toBe(true);
}

/** The last answer's shield, once it has left "checking". */
async function settledShield(page: Page) {
  const shield = lastAnswer(page).getByTestId('attestation-shield');
  await expect
    .poll(() => shield.getAttribute('data-state'), { timeout: 15_000 })
    .not.toMatch(/^(checking|rechecking)$|^null$/);
  return shield;
}

async function verifyProofCli(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/verify-proof.ts', file], { cwd: process.cwd() });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '' };
  }
}

async function exportProof(page: Page, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('attestation-export').click();
  const file = join(SHOTS, name);
  await (await download).saveAs(file);
  return file;
}

describe('the answer shield', () => {
  it('turns green at Signed on the mock, with a transcript; a tampering gateway turns it red naming the check; proofs verify offline', async () => {
    const { page } = demo.app;
    await tamper('none');
    // The composer badge says, before sending, that the mock's report does not verify (and why).
    const badge = page.getByTestId('attestation-badge');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('unverified');
    expect(await badge.textContent()).toMatch(/Not verified/);
    await badge.screenshot({ path: `${SHOTS}/attestation-badge-light.png` });

    await send(page, 'Is this answer signed?');
    const shield = await settledShield(page);
    expect(await shield.getAttribute('data-state')).toBe('verified');
    expect(await shield.getAttribute('data-level')).toBe('signed');
    expect(await shield.textContent()).toBe('Verified: Signed');
    await lastAnswer(page)
      .locator('header.msg-head')
      .screenshot({ path: `${SHOTS}/attestation-shield-green-light.png` });

    await shield.click();
    const dialog = page.getByTestId('attestation-transcript');
    await dialog.waitFor();
    const signatureLine = dialog.locator('[data-check="sig.signature"]');
    expect(await signatureLine.getAttribute('data-status')).toBe('pass');
    // Honest about how far the mock gets: the recorded report does not bind its fresh key.
    expect(await dialog.locator('[data-check="signer.attested"]').getAttribute('data-status')).toBe('fail');
    await dialog.screenshot({ path: `${SHOTS}/attestation-transcript-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await dialog.screenshot({ path: `${SHOTS}/attestation-transcript-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    const good = await exportProof(page, 'proof-signed.json');
    await page.keyboard.press('Escape');
    const cli = await verifyProofCli(good);
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/Recomputed verdict: verified — Signed/);
    expect(cli.out).toMatch(/Same verdict\./);
    const bundle = JSON.parse(readFileSync(good, 'utf8')) as { response: { bodyBase64: string } };
    const bytes = Buffer.from(bundle.response.bodyBase64, 'base64');
    bytes.writeUInt8(bytes.readUInt8(10) ^ 1, 10);
    const forged = join(SHOTS, 'proof-tampered.json');
    writeFileSync(
      forged,
      JSON.stringify({ ...bundle, response: { ...bundle.response, bodyBase64: bytes.toString('base64') } }),
    );
    const refused = await verifyProofCli(forged);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/DIFFERENT verdict/);

    await tamper('response');
    await send(page, 'And this one?');
    const red = await settledShield(page);
    expect(await red.getAttribute('data-state')).toBe('failed');
    expect(await red.textContent()).toBe('Failed: Response hash');
    await lastAnswer(page)
      .locator('header.msg-head')
      .screenshot({ path: `${SHOTS}/attestation-shield-red-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await lastAnswer(page)
      .locator('header.msg-head')
      .screenshot({ path: `${SHOTS}/attestation-shield-red-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await red.click();
    expect(await dialog.locator('[data-check="sig.response"]').getAttribute('data-status')).toBe('fail');
    expect(await dialog.getByTestId('attestation-summary').textContent()).toBe('Failed: Response hash');
    const failedProof = await exportProof(page, 'proof-failed.json');
    await page.keyboard.press('Escape');
    const same = await verifyProofCli(failedProof);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/failed check sig\.response/);
    await tamper('none');
  }, 120_000);
});

describe('the Attestation panel', () => {
  it('fetches the report with a fresh nonce and shows each check, measurements and the compose file', async () => {
    const { page } = demo.app;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Providers', exact: true })
      .click();
    await page.locator('.providers-list-select', { hasText: 'Confidential LLM' }).first().click();
    const panel = page.getByTestId('attestation-panel');
    await panel.getByTestId('attestation-check').click();
    await panel.getByTestId('attestation-checks').waitFor();
    expect(await panel.textContent()).toMatch(/Nonce [0-9a-f]{64}/);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/attestation-panel-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: `${SHOTS}/attestation-panel-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  }, 60_000);
});
