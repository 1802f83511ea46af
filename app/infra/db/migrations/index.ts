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
import { migration013 } from './013-product-sales-summary';
import { migration014 } from './014-weighed-and-open-price-lines';
import { migration015 } from './015-returns';
import { migration016 } from './016-registers';
import { migration017 } from './017-register-on-the-book';

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
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];
