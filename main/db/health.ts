import { join, dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { DatabaseStatus, SalvagedTable } from '../contract';
import { AppFailure } from '../contract';
import { DatabaseGuard, damageMessage, requestStartFresh, type DamageReport } from './damage';
import type { Migration } from './database';
import { checkIntegrity } from './integrity';
import { saveReadable } from './salvage';

export interface DatabaseHealthDeps {
  file: string;
  raw: DatabaseSync;
  migrations: readonly Migration[];
  /** Tells every window: the damage event and a notice. */
  onDamage: (status: DatabaseStatus) => void;
  /**
   * Restarts on the new database: Electron relaunches (the answer may never arrive); the test
   * bridge rebuilds its services and resolves once they are up. False where it cannot.
   */
  restart: () => boolean | Promise<boolean>;
  now: () => number;
}

/**
 * The database's health for the whole app: the guarded connection every service uses, the
 * background integrity check, and the two ways on from damage (save what can be read, start anew).
 */
export class DatabaseHealth {
  private readonly guard: DatabaseGuard;
  private checked = false;
  private savedCopy: string | null = null;

  constructor(private readonly deps: DatabaseHealthDeps) {
    this.guard = new DatabaseGuard(deps.file, deps.raw, () => deps.onDamage(this.status()), deps.now);
  }

  /** The connection services use: any corruption it meets is reported and writing stops. */
  get db(): DatabaseSync {
    return this.guard.db;
  }

  get damage(): DamageReport | null {
    return this.guard.damage;
  }

  /**
   * Damage met on another connection (the search worker's): its errors arrive as text, so
   * SQLite's own messages for SQLITE_CORRUPT and SQLITE_NOTADB are what identifies them.
   */
  noticeError(message: string): void {
    if (/database disk image is malformed|file is not a database/i.test(message))
      this.guard.markDamaged(message);
  }

  status(): DatabaseStatus {
    const damage = this.guard.damage;
    if (damage)
      return {
        state: 'damaged',
        message: damageMessage(damage),
        aside: damage.aside,
        savedCopy: this.savedCopy,
      };
    return { state: this.checked ? 'ok' : 'unchecked', message: null, aside: null, savedCopy: null };
  }

  /** Runs `quick_check` in a worker; meant for after first paint, never on the start's critical path. */
  async check(): Promise<DatabaseStatus> {
    if (this.deps.file === ':memory:' || this.guard.damage) return this.status();
    const result = await checkIntegrity(this.deps.file);
    if (!result.ok) this.guard.markDamaged(`integrity check: ${result.problems.slice(0, 3).join('; ')}`);
    else if (result.ran) this.checked = true;
    return this.status();
  }

  saveReadable(): { file: string; tables: SalvagedTable[] } {
    const damage = this.requireDamage();
    const file = join(
      dirname(this.deps.file),
      `readable-${damage.aside.slice(damage.aside.lastIndexOf('.damaged-') + 9)}.sqlite`,
    );
    const tables = saveReadable(this.deps.raw, file, this.deps.migrations);
    this.savedCopy = file;
    return { file, tables };
  }

  async startFresh(keep: 'nothing' | 'readable'): Promise<{ restarting: boolean }> {
    const damage = this.requireDamage();
    if (keep === 'readable' && !this.savedCopy)
      throw new AppFailure('invalid_request', 'Save what can be read first, then start from it.');
    requestStartFresh(this.deps.file, {
      aside: damage.aside,
      replacement: keep === 'readable' ? this.savedCopy : null,
    });
    return { restarting: await this.deps.restart() };
  }

  private requireDamage(): DamageReport {
    const damage = this.guard.damage;
    if (!damage) throw new AppFailure('invalid_request', 'The database is not damaged.');
    return damage;
  }
}
