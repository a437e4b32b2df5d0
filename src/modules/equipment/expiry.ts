// A PC's expiry year under the rules, kept on the device (eq_devices.expiry_year, purchase_assumed).
// The one statement that computes it: the model's fixed end of support when it has one, else the
// purchase year plus the rule's years (DEFAULT_LIFECYCLE without a rule); a missing purchase date is
// the enrolment date, or the first month seen, as the rule says. Every write that can change the
// result calls refreshExpiry for the devices it touched: an import (its rows), a rule (its municipality
// and category), a model's end of support (its model).
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { DEFAULT_LIFECYCLE } from './rules.js';

export async function refreshExpiry(db: DbOrTx, cooperationId: string, scope: SQL = sql`true`): Promise<void> {
  await db.execute(sql`
    update eq_devices d set expiry_year = e.year, purchase_assumed = e.assumed
    from (
      select x.id,
        coalesce(date_part('year', ms.end_of_support)::int,
          date_part('year', coalesce(x.purchased_on,
            case when coalesce(r.when_purchase_missing, ${DEFAULT_LIFECYCLE.whenPurchaseMissing}) = 'enrolled' then x.enrolled_on end,
            x.first_seen_month))::int + coalesce(r.years, ${DEFAULT_LIFECYCLE.years})) as year,
        (ms.end_of_support is null and x.purchased_on is null) as assumed
      from eq_devices x
      left join eq_lifecycle_rules r on r.cooperation_id = x.cooperation_id and r.municipality_id = x.municipality_id and r.category = x.category
      left join eq_model_support ms on ms.cooperation_id = x.cooperation_id and ms.model = x.model
      where x.cooperation_id = ${cooperationId} and ${scope}
    ) e
    where d.id = e.id and (d.expiry_year <> e.year or d.purchase_assumed <> e.assumed)`);
}
