import type { SecretStore } from '../secrets/secretStore';
import type { StoredProvider } from './repo';

/** The keychain account holding a provider's custom header values (JSON), beside its credential. */
const headersAccount = (providerId: string): string => `${providerId}#headers`;

/** Header values an older version kept in the database, still there until they are moved. */
export function legacyHeaderValues(p: StoredProvider): Record<string, string> {
  return Object.fromEntries(Object.entries(p.headers).filter(([, value]) => value !== ''));
}

function parseHeaderValues(text: string | null): Record<string, string> {
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** A provider's custom header values: one JSON keychain entry beside its credential. */
export class HeaderSecrets {
  constructor(private readonly secrets: SecretStore) {}

  /**
   * The values of a provider's custom headers, from the keychain (or from the database where an
   * older version left them and the keychain cannot be reached to move them).
   */
  async values(p: StoredProvider): Promise<Record<string, string>> {
    const names = Object.keys(p.headers);
    if (names.length === 0) return {};
    const legacy = legacyHeaderValues(p);
    let saved: Record<string, string> = {};
    try {
      saved = parseHeaderValues(await this.secrets.get(headersAccount(p.id)));
    } catch (error) {
      if (!names.every((name) => name in legacy)) throw error;
    }
    return Object.fromEntries(names.map((name) => [name, saved[name] ?? legacy[name] ?? '']));
  }

  /** Saves (or, with none, deletes) the custom header values; refuses when no keychain is reachable. */
  async save(providerId: string, values: Record<string, string>): Promise<void> {
    if (Object.keys(values).length === 0) {
      await this.delete(providerId);
      return;
    }
    await this.secrets.set(headersAccount(providerId), JSON.stringify(values));
  }

  async delete(providerId: string): Promise<void> {
    if (await this.secrets.available()) await this.secrets.delete(headersAccount(providerId));
  }
}
