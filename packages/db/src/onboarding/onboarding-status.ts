import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

/** Each first-run step, true once it was actually done. */
export type OnboardingStatus = {
  organisationNamed: boolean;
  teamInvited: boolean;
  listImported: boolean;
  articleWritten: boolean;
  testLetterSent: boolean;
};

type Row = {
  organisation_named: boolean;
  team_invited: boolean;
  list_imported: boolean;
  article_written: boolean;
  test_letter_sent: boolean;
};

// one round trip; every test is an EXISTS that stops at the first row
export async function onboardingStatus(db: Db): Promise<OnboardingStatus> {
  const [row] = await queryRows<Row>(
    db,
    sql`select
      exists (select 1 from organisation where btrim(name) <> '') as organisation_named,
      (select count(*) from users) > 1 as team_invited,
      exists (select 1 from imports where status = 'done' and not dry_run) as list_imported,
      exists (select 1 from articles) as article_written,
      exists (
        select 1 from audit_log
        where action = 'campaign_test_sent' and coalesce((data->>'count')::int, 0) > 0
      ) as test_letter_sent`,
  );
  return {
    organisationNamed: row!.organisation_named,
    teamInvited: row!.team_invited,
    listImported: row!.list_imported,
    articleWritten: row!.article_written,
    testLetterSent: row!.test_letter_sent,
  };
}
