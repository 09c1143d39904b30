import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { CatalogueInfo, CostSettings } from '../contract';
import { readSetting, writeSetting } from '../settings';
import { BUNDLED, type Catalogue, STALE_AFTER_DAYS } from '../usage/catalogue';

const CONVERT_TO = 'costs.convertTo';
const STALE_AFTER = 'costs.catalogueStaleAfterDays';
const DAY = 86_400_000;

/** The user's cost display choices: a currency to show totals converted into, and the catalogue's shelf life. */
export function costSettings(
  db: DatabaseSync,
  patch: { convertTo?: string | null; staleAfterDays?: number } = {},
): CostSettings {
  if (patch.convertTo !== undefined) writeSetting(db, CONVERT_TO, patch.convertTo);
  if (patch.staleAfterDays !== undefined) writeSetting(db, STALE_AFTER, patch.staleAfterDays);
  return {
    convertTo:
      readSetting(
        db,
        CONVERT_TO,
        z
          .string()
          .regex(/^[A-Z]{3}$/)
          .nullable(),
      ) ?? null,
    staleAfterDays: readSetting(db, STALE_AFTER, z.number().int().min(1)) ?? STALE_AFTER_DAYS,
  };
}

/** The bundled catalogue's date and whether it is older than the user's limit at `now`. */
export function catalogueInfo(db: DatabaseSync, now: number, book: Catalogue = BUNDLED): CatalogueInfo {
  const { staleAfterDays } = costSettings(db);
  const ageDays = Math.max(0, Math.floor((now - Date.parse(`${book.asOf}T00:00:00Z`)) / DAY));
  return {
    asOf: book.asOf,
    currency: book.currency,
    models: Object.keys(book.models).length,
    ageDays,
    staleAfterDays,
    stale: ageDays > staleAfterDays,
  };
}
