import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  blockAt,
  bracketsBalanced,
  entriesOf,
  outputsOf,
  paramsOf,
  scanBicep,
  type BicepText,
} from './bicep-text';

// The Bicep compiler is not available here (no az CLI, no bicep binary): these checks read the
// templates as text. `az bicep build -f infra/main.bicep` remains the real check before a deploy.
const infraDir = path.join(__dirname, '../../../infra');
const read = (relative: string) => readFileSync(path.join(infraDir, relative), 'utf8');
const bicepFiles = [
  'main.bicep',
  ...readdirSync(path.join(infraDir, 'modules'))
    .filter((name) => name.endsWith('.bicep'))
    .map((name) => `modules/${name}`),
];
const sources = new Map(bicepFiles.map((file) => [file, read(file)]));
const scanned = new Map([...sources].map(([file, source]) => [file, scanBicep(source)]));
const text = (file: string): BicepText => scanned.get(file)!;
const allCode = [...scanned.values()].map((t) => t.code).join('\n');

function resourceBlock(file: string, symbol: string): BicepText & { from: number } {
  const t = text(file);
  const from = t.code.search(new RegExp(`^resource ${symbol} '`, 'm'));
  expect(from).toBeGreaterThanOrEqual(0);
  return { ...t, from };
}

function resourceCode(file: string, symbol: string): string {
  const r = resourceBlock(file, symbol);
  const { start, end } = blockAt(r.skeleton, r.from);
  return r.code.slice(start, end).replace(/\s+/g, ' ');
}

function appSettings(): Map<string, string> {
  const r = resourceBlock('modules/function-app.bicep', 'appSettings');
  const { start } = blockAt(r.skeleton, r.from);
  return entriesOf(r, r.code.indexOf('properties:', start));
}

describe('infra Bicep (checked as text, not compiled)', () => {
  it.each(bicepFiles)('%s has balanced brackets outside strings and comments', (file) => {
    expect(bracketsBalanced(text(file).skeleton)).toBe(true);
  });

  it('never reads an account key or a secret', () => {
    for (const source of sources.values()) {
      expect(source).not.toMatch(/listKeys\s*\(/i);
      expect(source).not.toMatch(/AccountKey=|SharedAccessSignature|listSecrets|@secure\(\)/i);
    }
  });

  it('storage accepts Entra ID only, over TLS 1.2+, and holds the cases, providers, dueIndex and botConversations tables', () => {
    const storage = resourceCode('modules/storage.bicep', 'storage');
    expect(storage).toContain('allowSharedKeyAccess: false');
    expect(storage).toContain("minimumTlsVersion: 'TLS1_2'");
    expect(storage).toContain('allowBlobPublicAccess: false');
    expect(storage).toContain('supportsHttpsTrafficOnly: true');
    expect(text('main.bicep').code).toMatch(
      /tableNames: \['cases', 'providers', 'dueIndex', 'botConversations'\]/,
    );
    expect(text('modules/storage.bicep').code).toMatch(
      /tableServices\/tables@[\d-]+' = \[\s+for tableName in tableNames: \{/,
    );
  });

  it.each([
    ['Storage Table Data Contributor', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'],
    ['Storage Blob Data Owner', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'],
    ['Monitoring Metrics Publisher', '3913510d-42f4-4e42-8a64-420c390055eb'],
    ['Storage Queue Data Contributor', '974c5e8b-45b9-4653-ba55-5f855dd0fb88'],
  ])('grants the app identity %s (%s)', (_role, id) => {
    const rbac = text('modules/rbac.bicep').code;
    const variable = new RegExp(`^var (\\w+) = '${id}'$`, 'm').exec(rbac)?.[1];
    expect(variable).toBeDefined();
    const assignments = [
      ...rbac.matchAll(/^resource (\w+) 'Microsoft\.Authorization\/roleAssignments@/gm),
    ]
      .map((m) => resourceCode('modules/rbac.bicep', m[1]!))
      .filter((body) => body.includes(`'Microsoft.Authorization/roleDefinitions', ${variable!})`));
    expect(assignments.some((body) => body.includes('principalId: appPrincipalId'))).toBe(true);
  });

  it('creates the outbox queue and its poison queue, and points the queue trigger at them by identity', () => {
    expect(text('main.bicep').code).toMatch(/queueNames: \['outbox', 'outbox-poison'\]/);
    expect(text('modules/storage.bicep').code).toMatch(
      /queueServices\/queues@[\d-]+' = \[\s+for queueName in queueNames: \{/,
    );
    const settings = appSettings();
    expect(settings.get('AZURE_QUEUES_ENDPOINT')).toBe('queueEndpoint');
    expect(settings.get('OUTBOX_QUEUE__queueServiceUri')).toBe('queueEndpoint');
    expect(settings.get('OUTBOX_QUEUE__credential')).toBe("'managedidentity'");
    expect(settings.get('OUTBOX_QUEUE__clientId')).toBe('identityClientId');
    expect(settings.get('OUTBOX_QUEUE_NAME')).toBe("'outbox'");
    expect(settings.get('GRAPH_CLIENT_ID')).toBe('authClientId');
    expect(settings.get('GRAPH_CREDENTIAL')).toBe("'managed-identity'");
  });

  it('runs a Flex Consumption (FC1) Node 22 app as the user-assigned identity', () => {
    expect(resourceCode('modules/function-app.bicep', 'plan')).toMatch(
      /sku: \{ name: 'FC1' tier: 'FlexConsumption' \}/,
    );
    const site = resourceCode('modules/function-app.bicep', 'site');
    expect(site).toContain("kind: 'functionapp,linux'");
    expect(site).toContain("type: 'UserAssigned'");
    expect(site).toMatch(/runtime: \{ name: 'node' version: '22' \}/);
    expect(site).toMatch(
      /storage: \{ type: 'blobContainer' value: deploymentContainerUrl authentication: \{ type: 'UserAssignedIdentity' userAssignedIdentityResourceId: identityId \} \}/,
    );
    expect(site).toContain('httpsOnly: true');
  });

  it('sets production app settings that reach storage and telemetry by identity', () => {
    const settings = appSettings();
    expect(settings.get('APP_ENV')).toBe("'production'");
    expect(settings.get('AzureWebJobsStorage__credential')).toBe("'managedidentity'");
    expect(settings.get('AzureWebJobsStorage__clientId')).toBe('identityClientId');
    expect(settings.get('AZURE_CLIENT_ID')).toBe('identityClientId');
    expect(settings.get('APPLICATIONINSIGHTS_AUTHENTICATION_STRING')).toBe(
      "'ClientId=${identityClientId};Authorization=AAD'",
    );
    expect([...settings.keys()]).toEqual(
      expect.arrayContaining([
        'AZURE_TABLES_ENDPOINT',
        'AUTH_CLIENT_ID',
        'AUTH_APP_ID_URI',
        'BOT_CLIENT_ID',
        'BOT_TENANT_ID',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
        'AzureWebJobsStorage__blobServiceUri',
      ]),
    );
  });

  it('has no local-only or key-based setting', () => {
    const settings = appSettings();
    for (const key of [
      'LOCAL_IDP',
      'AUTH_JWKS_URL',
      'AZURE_TABLES_CONNECTION_STRING',
      'AzureWebJobsStorage',
    ]) {
      expect(settings.has(key)).toBe(false);
    }
    // Flex Consumption rejects these: the runtime comes from functionAppConfig.
    expect(settings.has('FUNCTIONS_WORKER_RUNTIME')).toBe(false);
    expect(settings.has('FUNCTIONS_EXTENSION_VERSION')).toBe(false);
    expect(allCode).not.toContain('LOCAL_IDP');
  });

  it('derives the Application ID URI from the tab domain and the Entra client id', () => {
    expect(text('main.bicep').code).toContain(
      "var authAppIdUri = 'api://${tabDomain}/botid-${authClientId}'",
    );
  });

  it('turns off local (key) auth on Application Insights and Log Analytics', () => {
    expect(resourceCode('modules/monitoring.bicep', 'appInsights')).toContain(
      'disableLocalAuth: true',
    );
    expect(resourceCode('modules/monitoring.bicep', 'workspace')).toContain(
      'disableLocalAuth: true',
    );
  });

  it('registers an Azure Bot (global, SingleTenant) on /api/messages with Teams and M365 channels', () => {
    const bot = resourceCode('modules/bot.bicep', 'bot');
    expect(bot).toContain("kind: 'azurebot'");
    expect(bot).toContain("location: 'global'");
    expect(bot).toMatch(/msaAppType: '(SingleTenant|UserAssignedMSI)'/);
    expect(bot).toContain("endpoint: 'https://${endpointHost}/api/messages'");
    expect(resourceCode('modules/bot.bicep', 'teams')).toContain("channelName: 'MsTeamsChannel'");
    expect(resourceCode('modules/bot.bicep', 'microsoft365')).toContain(
      "channelName: 'M365Extensions'",
    );
    expect(text('main.bicep').code).toContain('endpointHost: functionApp.outputs.defaultHostName');
  });

  it('wires every module call to a file, its required params and its outputs', () => {
    const main = text('main.bicep');
    const modules = [...main.code.matchAll(/^module (\w+) '([^']+)' = /gm)];
    expect(modules.length).toBeGreaterThanOrEqual(6);
    const outputsByModule = new Map<string, Set<string>>();
    for (const [, symbol, file] of modules) {
      expect(existsSync(path.join(infraDir, file!))).toBe(true);
      const moduleCode = text(file!).code;
      const declared = paramsOf(moduleCode);
      const body = blockAt(main.skeleton, modules.find((m) => m[1] === symbol)!.index);
      const given = entriesOf(main, main.code.indexOf('params:', body.start));
      for (const name of given.keys())
        expect([symbol, name, declared.has(name)]).toEqual([symbol, name, true]);
      for (const [name, hasDefault] of declared) {
        if (!hasDefault) expect([symbol, name, given.has(name)]).toEqual([symbol, name, true]);
      }
      outputsByModule.set(symbol!, outputsOf(moduleCode));
    }
    for (const [, symbol, output] of allCode.matchAll(/\b(\w+)\.outputs\.(\w+)/g)) {
      expect([symbol, output, outputsByModule.get(symbol!)?.has(output!)]).toEqual([
        symbol,
        output,
        true,
      ]);
    }
  });
});

describe('infra/main.parameters.json', () => {
  const parameters = (
    JSON.parse(read('main.parameters.json')) as { parameters: Record<string, { value: unknown }> }
  ).parameters;
  const declared = paramsOf(text('main.bicep').code);

  it('sets only parameters main.bicep declares, and every required one', () => {
    for (const name of Object.keys(parameters))
      expect([name, declared.has(name)]).toEqual([name, true]);
    for (const [name, hasDefault] of declared) {
      if (!hasDefault) expect([name, name in parameters]).toEqual([name, true]);
    }
  });

  it('holds no secret', () => {
    for (const [name, { value }] of Object.entries(parameters)) {
      expect(name).not.toMatch(/secret|password|key|token|connection/i);
      expect(JSON.stringify(value)).not.toMatch(
        /AccountKey|SharedAccessSignature|[A-Za-z0-9+/]{40,}={0,2}/,
      );
    }
  });
});

describe('scanBicep', () => {
  it('keeps URLs inside strings and blanks comments and nested interpolation', () => {
    const t = scanBicep("var a = 'https://x/${f('y')}' // c: d\nparam b string = 'e' /* f */\n");
    expect(t.code).toContain("'https://x/${f('y')}'");
    expect(t.code).not.toContain('c: d');
    expect(t.code).not.toContain('f */');
    expect(t.skeleton.length).toBe(t.code.length);
    expect(t.skeleton).not.toContain('https');
    expect(bracketsBalanced(t.skeleton)).toBe(true);
    expect(paramsOf(t.code)).toEqual(new Map([['b', true]]));
  });
});

describe('infra: the tab is hosted where the manifest says (issue 10, ADR 0014)', () => {
  it('outputs the manifest addresses on the tab domain, which defaults to the Function App host', () => {
    const main = text('main.bicep').code;
    expect(main).toContain("param tabDomain string = '${functionAppName}.azurewebsites.net'");
    expect(main).toContain("output tabUrl string = 'https://${tabDomain}/tab/'");
    expect(main).toContain("output privacyUrl string = 'https://${tabDomain}/tab/privacy'");
    expect(main).toContain("output termsUrl string = 'https://${tabDomain}/tab/terms'");
    const manifest = readFileSync(
      path.join(infraDir, '../manifest/manifest.template.json'),
      'utf8',
    );
    expect(manifest).toContain('"privacyUrl": "https://{{TAB_DOMAIN}}/tab/privacy"');
    expect(manifest).toContain('"termsOfUseUrl": "https://{{TAB_DOMAIN}}/tab/terms"');
  });

  it('can keep the HTTP group warm (always ready), off by default', () => {
    expect(resourceCode('modules/function-app.bicep', 'site')).toContain(
      "alwaysReady: alwaysReadyHttpInstances == 0 ? [] : [{ name: 'http', instanceCount: alwaysReadyHttpInstances }]",
    );
    expect(text('main.bicep').code).toContain('param alwaysReadyHttpInstances int = 0');
  });
});
