import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../../functions/src/config/app-config';
import { StartupError } from '../../../../functions/src/config/startup-error';
import { declaredActivityTypes } from '../../../../functions/src/services/delivery/activity-types';

const guid = '33333333-3333-4333-8333-333333333333';
const production = {
  APP_ENV: 'production',
  AZURE_TABLES_ENDPOINT: 'https://acct.table.core.windows.net',
  AZURE_CLIENT_ID: '44444444-4444-4444-8444-444444444444',
  AUTH_CLIENT_ID: guid,
};

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof StartupError) return error.message;
    throw error;
  }
  return '';
}

describe('Graph and queue configuration for the outbox relay', () => {
  it('in Azure: app-only Graph as the app through the managed identity, queues by endpoint', () => {
    const config = loadConfig({
      ...production,
      GRAPH_CLIENT_ID: guid,
      GRAPH_CREDENTIAL: 'managed-identity',
      AZURE_QUEUES_ENDPOINT: 'https://acct.queue.core.windows.net',
    });
    expect(config.graph).toMatchObject({
      baseUrl: 'https://graph.microsoft.com/',
      authorityHost: 'https://login.microsoftonline.com/',
      credential: { kind: 'managed-identity', managedIdentityClientId: production.AZURE_CLIENT_ID },
    });
    expect(config.queues).toMatchObject({ kind: 'endpoint', outboxQueue: 'outbox' });
  });

  it('refuses a client secret in production, a secret and an identity at once, and http Graph off loopback', () => {
    expect(refusal({ ...production, GRAPH_CLIENT_ID: guid, GRAPH_CLIENT_SECRET: 's' })).toContain(
      'GRAPH_CLIENT_SECRET is for the local Graph only',
    );
    expect(
      refusal({
        ...production,
        GRAPH_CLIENT_ID: guid,
        GRAPH_CLIENT_SECRET: 's',
        GRAPH_CREDENTIAL: 'managed-identity',
      }),
    ).toContain('exactly one');
    expect(
      refusal({
        ...production,
        GRAPH_CLIENT_ID: guid,
        GRAPH_CREDENTIAL: 'managed-identity',
        GRAPH_BASE_URL: 'http://graph.example.org/',
      }),
    ).toContain('must use https');
    expect(refusal({ ...production, GRAPH_CREDENTIAL: 'managed-identity' })).toContain(
      'GRAPH_CLIENT_ID',
    );
  });

  it('declares exactly the manifest activity types the relay sends (others go as systemDefault)', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, '../../../../manifest/manifest.template.json'), 'utf8'),
    ) as { activities: { activityTypes: { type: string }[] } };
    expect(manifest.activities.activityTypes.map((a) => a.type).sort()).toEqual(
      [...declaredActivityTypes].sort(),
    );
  });
});
