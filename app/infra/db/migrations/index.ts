import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-line-discounts';
import { migration003 } from './003-shifts-and-cash';
import { migration004 } from './004-transaction-indexes';
import { migration005 } from './005-partial-refunds';
import { migration006 } from './006-store-settings';
import { migration007 } from './007-webhook-evidence';
import { migration008 } from './008-pin-attempts';
import { migration009 } from './009-payment-events-append-only';
import { migration010 } from './010-products-and-stock';
import { migration011 } from './011-product-search';
import { migration012 } from './012-stock-and-product-sales';
import { migration018 } from './018-registers';

// TEMPORARY (branch i17-pairing): 013–017 belong to i13-perf, i14-weight, i14-returns, i15-print and
// i16-ops, not merged yet; the runner needs versions without gaps. Replace each placeholder with its
// branch's migration when merging — never ship these placeholders.
const reserved = (version: number, branch: string): Migration => ({
  version,
  name: `reserved for ${branch}`,
  up() {},
});

/** Every migration, in version order. Listed explicitly so a missing file is a compile error. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  reserved(13, 'i13-perf'),
  reserved(14, 'i14-weight'),
  reserved(15, 'i14-returns'),
  reserved(16, 'i15-print'),
  reserved(17, 'i16-ops'),
  migration018,
];
