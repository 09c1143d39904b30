/** What the app reads from an access token. The signature is not checked: the server is the authority. */
export interface JwtClaims {
  /** `null` when the token carries no scope claim at all (as opposed to an empty one). */
  scopes: string[] | null;
  /** Milliseconds since the epoch, from `exp`. */
  expiresAt: number | null;
  subject: string | null;
}

export type JwtDecoding = { ok: true; claims: JwtClaims } | { ok: false; problem: string };

const SCOPE_CLAIMS = ['scope', 'scp', 'scopes', 'permissions'] as const;

const fail = (problem: string): JwtDecoding => ({ ok: false, problem });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeSegment(segment: string): { ok: true; text: string } | { ok: false } {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(segment)) return { ok: false };
  const text = Buffer.from(segment.replace(/=+$/, ''), 'base64url').toString('utf8');
  return { ok: true, text };
}

function parseObject(
  segment: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; why: string } {
  const decoded = decodeSegment(segment);
  if (!decoded.ok) return { ok: false, why: "isn't base64url" };
  try {
    const value: unknown = JSON.parse(decoded.text);
    return isRecord(value) ? { ok: true, value } : { ok: false, why: "isn't a JSON object" };
  } catch {
    return { ok: false, why: "isn't valid JSON" };
  }
}

/** Space-separated string (`scope`, sometimes `scp`) or array of strings (`scp`, `scopes`, `permissions`). */
function scopeList(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/\s+/).filter((s) => s !== '');
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string' && s !== '');
  return null;
}

export function scopesFromClaims(claims: Record<string, unknown>): string[] | null {
  let found = false;
  const all: string[] = [];
  for (const name of SCOPE_CLAIMS) {
    const list = scopeList(claims[name]);
    if (list === null) continue;
    found = true;
    all.push(...list);
  }
  return found ? [...new Set(all)] : null;
}

/** Decodes a JWT's payload; a malformed token yields a specific problem instead of throwing. */
export function decodeJwt(token: string): JwtDecoding {
  const trimmed = token.trim();
  const parts = trimmed.split('.');
  if (parts.length !== 3) return fail("this doesn't look like a JWT: expected three dot-separated parts");
  const [header, payload] = parts as [string, string, string];
  if (header === '' || payload === '') return fail("this doesn't look like a JWT: a part is empty");
  const head = parseObject(header);
  if (!head.ok) return fail(`the header ${head.why}`);
  const body = parseObject(payload);
  if (!body.ok) return fail(`payload ${body.why}`);
  const claims = body.value;
  const exp = claims.exp;
  if (exp !== undefined && (typeof exp !== 'number' || !Number.isFinite(exp))) {
    return fail("the exp claim isn't a number of seconds");
  }
  return {
    ok: true,
    claims: {
      scopes: scopesFromClaims(claims),
      expiresAt: typeof exp === 'number' ? Math.round(exp * 1000) : null,
      subject: typeof claims.sub === 'string' ? claims.sub : null,
    },
  };
}

/** "3 min", "2 h 5 min", "4 days": short enough for a status line. */
export function describeDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  return `${Math.floor(hours / 24)} days`;
}
