import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTab } from '../../../scripts/build';
import { loadConfig } from '../../../functions/src/config/app-config';
import { allRoutes } from '../../../functions/src/functions';
import { appWiring } from '../../../functions/src/http/app-wiring';
import { composeRuntime } from '../../../functions/src/http/compose-runtime';
import { silentLogger } from '../../../functions/src/http/logger';
import { installRuntime, uninstallRuntime } from '../../../functions/src/http/runtime';
import { localClientId } from '../../../functions/src/local/demo-personas';
import { seedDemo } from '../../../functions/src/local/demo-seed';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { createLocalIdp } from '../../../functions/src/local/local-idp';
import { freshServices } from '../../support/service-fixture';

/** The product as `npm start` serves it: the local build of the tab, the API and the local IdP, seeded. */
export interface TabStack {
  readonly url: string;
  readonly services: Awaited<ReturnType<typeof freshServices>>;
  readonly host: LocalHost;
  stop(): Promise<void>;
}

const env = (extra: Record<string, string> = {}) => ({
  APP_ENV: 'local',
  LOCAL_IDP: 'on',
  AUTH_CLIENT_ID: localClientId,
  AZURE_TABLES_CONNECTION_STRING: process.env.AZURE_TABLES_CONNECTION_STRING ?? '',
  ...extra,
});

/** Builds the tab (local mode), seeds the demo providers on fresh Azurite tables and serves it all on 127.0.0.1. */
export async function startTabStack(): Promise<TabStack> {
  const tabDir = mkdtempSync(path.join(tmpdir(), 'tab-build-'));
  await buildTab({ mode: 'local', outdir: tabDir });
  const services = await freshServices();
  await seedDemo(services);
  const idp = await createLocalIdp(loadConfig(env()));
  const host = await startLocalHost({
    port: 0,
    routes: allRoutes,
    localRoutes: idp.routes,
    tabDir,
    log: silentLogger,
  });
  const config = loadConfig(env({ AUTH_JWKS_URL: `${host.url}/local-idp/keys` }));
  installRuntime(
    composeRuntime({ config, log: silentLogger, createServices: () => appWiring(services) }),
  );
  return {
    url: host.url,
    services,
    host,
    stop: async () => {
      await host.stop();
      uninstallRuntime();
      rmSync(tabDir, { recursive: true, force: true });
    },
  };
}
