/**
 * dstack's event log: every IMR3 event is extended into RTMR3 as mr = SHA-384(mr ‖ digest),
 * starting from 48 zero bytes, and each digest is SHA-384(u32le(type) ‖ ":" ‖ event ‖ ":" ‖
 * payload). The compose-hash event names the app's compose file, which dstack also writes into
 * mr_config_id as 01 ‖ sha256(compose) ‖ zero padding.
 */
import { createHash } from 'node:crypto';
import type { DstackEvent, PinnedIdentity } from './types';
import type { Transcript } from './checks';
import type { TdReport } from './quote';
import { EvidenceError, equalBytes, fromHex, shortHex, toHex } from './bytes';
import { arr, num, obj, parseJson, str } from './json';

const MAX_EVENTS = 4096;

export function parseEventLog(raw: string | readonly unknown[]): DstackEvent[] {
  const list = arr(parseJson(raw, 'the event log'), 'the event log');
  if (list.length > MAX_EVENTS)
    throw new EvidenceError(`the event log has ${list.length} events, more than ${MAX_EVENTS}`);
  return list.map((e, i) => {
    const o = obj(e, `event ${i}`);
    return {
      imr: num(o.imr, `event ${i} imr`),
      event_type: num(o.event_type, `event ${i} event_type`),
      digest: str(o.digest, `event ${i} digest`),
      event: str(o.event ?? '', `event ${i} event`),
      event_payload: str(o.event_payload ?? '', `event ${i} event_payload`),
    };
  });
}

function eventDigest(e: DstackEvent): Uint8Array {
  const type = new Uint8Array(4);
  new DataView(type.buffer).setUint32(0, e.event_type >>> 0, true);
  return createHash('sha384')
    .update(type)
    .update(`:${e.event}:`)
    .update(fromHex(e.event_payload, `"${e.event}" payload`))
    .digest();
}

export function replayRtmr3(events: DstackEvent[]): Uint8Array {
  let mr: Uint8Array = new Uint8Array(48);
  for (const e of events) {
    if (e.imr !== 3) continue;
    const digest = fromHex(e.digest, `"${e.event}" digest`);
    if (digest.length !== 48)
      throw new EvidenceError(`the "${e.event}" digest is ${digest.length} bytes, not 48`);
    mr = createHash('sha384').update(mr).update(digest).digest();
  }
  return mr;
}

function payloadText(events: DstackEvent[], name: string): string | undefined {
  const found = events.filter((e) => e.imr === 3 && e.event === name);
  if (found.length > 1) throw new EvidenceError(`the event log has ${found.length} "${name}" events`);
  return found[0]?.event_payload.toLowerCase();
}

export interface EventLogInput {
  eventLog: string | readonly unknown[];
  composeFile?: string;
  claimedComposeHash?: string;
  claimedAppId?: string;
  pinned?: readonly PinnedIdentity[];
}

export interface ComposeIdentity {
  composeHash: string;
  appId: string;
  rtmr3: string;
}

/** Adds eventlog.*, compose.* and pin.identity checks; returns the identity when the log replays. */
export function checkEventLog(
  t: Transcript,
  td: TdReport,
  input: EventLogInput,
): ComposeIdentity | undefined {
  let events: DstackEvent[] = [];
  const digestsOk = t.guard('eventlog.digests', 'Event digests', () => {
    events = parseEventLog(input.eventLog);
    for (const e of events) {
      if (e.imr !== 3) continue;
      const got = toHex(eventDigest(e));
      if (got !== e.digest.toLowerCase())
        return t.fail(
          'eventlog.digests',
          'Event digests',
          `the "${e.event}" event's digest ${shortHex(e.digest)} is not the hash of its content (${shortHex(got)})`,
        );
    }
    return t.pass(
      'eventlog.digests',
      'Event digests',
      `${events.filter((e) => e.imr === 3).length} RTMR3 events hash to their digests`,
    );
  });
  const replayOk = t.guard('eventlog.rtmr3', 'RTMR3 replay', () => {
    if (!digestsOk)
      return t.skip('eventlog.rtmr3', 'RTMR3 replay', 'the event log did not read or its digests differ');
    const mr = replayRtmr3(events);
    if (!equalBytes(mr, td.rtmr[3]))
      return t.fail(
        'eventlog.rtmr3',
        'RTMR3 replay',
        `the event log replays to ${shortHex(toHex(mr))}, the quote's RTMR3 is ${shortHex(toHex(td.rtmr[3]))}`,
      );
    return t.pass(
      'eventlog.rtmr3',
      'RTMR3 replay',
      `the event log replays to the quote's RTMR3 ${shortHex(toHex(mr))}`,
    );
  });
  if (!replayOk) {
    t.skip('compose.hash', 'Compose hash', 'the event log does not replay to RTMR3');
    t.skip('compose.app_id', 'App id', 'the event log does not replay to RTMR3');
    t.skip('pin.identity', 'Pinned identity', 'the event log does not replay to RTMR3');
    return undefined;
  }
  const composeHash = payloadText(events, 'compose-hash') ?? '';
  const appId = payloadText(events, 'app-id') ?? '';
  const composeOk = t.guard('compose.hash', 'Compose hash', () => {
    if (!composeHash)
      return t.fail('compose.hash', 'Compose hash', 'the event log has no compose-hash event');
    const configId = toHex(td.mrConfigId);
    const wantConfig = `01${composeHash}`.padEnd(96, '0');
    if (configId !== wantConfig)
      return t.fail(
        'compose.hash',
        'Compose hash',
        `mr_config_id ${shortHex(configId)} is not 01 ‖ compose hash ${shortHex(composeHash)} ‖ zeros`,
      );
    if (input.claimedComposeHash !== undefined && input.claimedComposeHash.toLowerCase() !== composeHash)
      return t.fail(
        'compose.hash',
        'Compose hash',
        `the report claims compose hash ${shortHex(input.claimedComposeHash)}, the event log has ${shortHex(composeHash)}`,
      );
    if (input.composeFile === undefined)
      return t.pass(
        'compose.hash',
        'Compose hash',
        `mr_config_id carries compose hash ${shortHex(composeHash)} (no compose file to compare)`,
      );
    const fileHash = createHash('sha256').update(input.composeFile).digest('hex');
    if (fileHash !== composeHash)
      return t.fail(
        'compose.hash',
        'Compose hash',
        `the compose file hashes to ${shortHex(fileHash)}, the attested compose hash is ${shortHex(composeHash)}`,
      );
    return t.pass(
      'compose.hash',
      'Compose hash',
      `the compose file hashes to the attested ${shortHex(composeHash)} (in mr_config_id and the event log)`,
    );
  });
  t.guard('compose.app_id', 'App id', () => {
    if (!appId) return t.fail('compose.app_id', 'App id', 'the event log has no app-id event');
    if (input.claimedAppId !== undefined && input.claimedAppId.toLowerCase() !== appId)
      return t.fail(
        'compose.app_id',
        'App id',
        `the report claims app id ${input.claimedAppId}, the event log has ${appId}`,
      );
    return t.pass('compose.app_id', 'App id', `app id ${appId}`);
  });
  checkPin(t, appId, composeHash, composeOk, input.pinned);
  return { composeHash, appId, rtmr3: toHex(td.rtmr[3]) };
}

function checkPin(
  t: Transcript,
  appId: string,
  composeHash: string,
  composeOk: boolean,
  pinned: readonly PinnedIdentity[] = [],
): void {
  const label = 'Pinned identity';
  if (!composeOk || !appId) {
    t.skip('pin.identity', label, 'no attested compose hash and app id to compare');
    return;
  }
  const mine = pinned.filter((p) => p.appId.toLowerCase() === appId);
  if (mine.length === 0) {
    t.warn('pin.identity', label, `app ${appId} is not pinned yet: pin it to trust this code from now on`);
    return;
  }
  if (mine.some((p) => p.composeHash.toLowerCase() === composeHash)) {
    t.pass('pin.identity', label, `app ${appId} runs the pinned compose ${shortHex(composeHash)}`);
    return;
  }
  t.fail(
    'pin.identity',
    label,
    `app ${appId} now runs compose ${shortHex(composeHash)}, not the pinned ${mine.map((p) => shortHex(p.composeHash)).join(' or ')}: the code changed`,
  );
}
