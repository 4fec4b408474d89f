import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildManifest } from '../../../manifest/package-manifest';
import { fillTemplate, placeholderValues } from '../../../manifest/lib/fill-template';
import { ManifestSchemaError } from '../../../manifest/lib/packaging-errors';
import {
  assertValidManifest,
  manifestProblems,
  type TeamsAppManifest,
} from '../../../manifest/lib/validate-manifest';
import { forbidNetwork } from './no-network';

// strip-bom 5 is ESM-only: Node >= 20.19 can require() it, Jest's CommonJS runtime cannot. Only
// the package's file readers use it; these tests read no manifest through them.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const env = {
  APP_ID: '8c3e1a52-0b7d-4f0e-9a51-2f6d3c4b5a69',
  TAB_DOMAIN: 'func-support-plans.azurewebsites.net',
  APP_VERSION: '1.4.2',
};
const templatePath = path.join(__dirname, '../../../manifest/manifest.template.json');
const filledText = () =>
  fillTemplate(
    readFileSync(templatePath, 'utf8'),
    placeholderValues({
      appId: env.APP_ID,
      tabDomain: env.TAB_DOMAIN,
      appVersion: env.APP_VERSION,
    }),
  );
const filled = () => JSON.parse(filledText()) as TeamsAppManifest;

// P4: activity-feed text is seen on lock screens and by anyone near the screen.
const sensitive =
  /concern|medical|cause|health|illness|diagnos|disab|wellbeing|welfare|fail|terminat|appeal|struggl|capability|support plan/i;

let network: ReturnType<typeof forbidNetwork>;
beforeEach(() => {
  network = forbidNetwork();
});
afterEach(() => {
  network.restore();
});

describe('manifest template', () => {
  it('validates offline against the bundled v1.24 schema once filled', async () => {
    const manifest = filled();
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.24');
    await expect(manifestProblems(manifest)).resolves.toEqual([]);
    expect(network.calls()).toEqual([]);
  });

  it('the throwing fetch really is in place', () => {
    expect(() => fetch('https://developer.microsoft.com/')).toThrow(/forbidden/);
  });

  it('fills every placeholder from the environment', async () => {
    const manifest = await buildManifest(env);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(manifest.id).toBe(env.APP_ID);
    expect(manifest.version).toBe(env.APP_VERSION);
    expect(manifest.bots?.[0]?.botId).toBe(env.APP_ID);
    expect(manifest.composeExtensions?.[0]?.botId).toBe(env.APP_ID);
  });

  it('has a personal static tab at https://<domain>/tab/', () => {
    const tab = filled().staticTabs?.find((t) => t.entityId === 'cases');
    expect(tab?.contentUrl).toBe(`https://${env.TAB_DOMAIN}/tab/`);
    expect(tab?.scopes).toEqual(['personal']);
  });

  it('spells the bot scopes personal, team and groupChat, with the personal commands', () => {
    const bot = filled().bots?.[0];
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const personal = bot?.commandLists?.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toEqual([
      'raise a concern',
      'my cases',
      'due this week',
      'help',
    ]);
  });

  it('declares the raiseConcern action command for messages and compose, with fetchTask', () => {
    const command = filled().composeExtensions?.[0]?.commands?.find((c) => c.id === 'raiseConcern');
    expect(command).toMatchObject({ type: 'action', title: 'Raise a concern', fetchTask: true });
    expect(command?.context).toEqual(['message', 'compose']);
  });

  it('points webApplicationInfo at api://<tab domain>/botid-<app id>', () => {
    const manifest = filled();
    expect(manifest.webApplicationInfo).toEqual({
      id: env.APP_ID,
      resource: `api://${env.TAB_DOMAIN}/botid-${env.APP_ID}`,
    });
    expect(new URL(manifest.webApplicationInfo?.resource ?? '').host).toBe(env.TAB_DOMAIN);
    expect(manifest.validDomains).toContain(env.TAB_DOMAIN);
  });

  it('declares every notification template as an activity type', () => {
    const types = filled().activities?.activityTypes?.map((a) => a.type);
    expect(types).toEqual([
      'review-due',
      'review-overdue',
      'stage-started',
      'plan-fully-signed',
      'meeting-scheduled',
      'review-due-today',
      'signatures-missing',
      'window-closing',
      'contact-not-acknowledged',
    ]);
  });

  it.each(filled().activities?.activityTypes ?? [])(
    'activity $type says nothing sensitive (P4)',
    (activity) => {
      expect(activity.templateText).not.toMatch(sensitive);
      expect(activity.description).not.toMatch(sensitive);
      // No template parameters other than the actor: nothing from a case can be substituted in.
      expect(activity.templateText.replace('{actor}', '')).not.toMatch(/[{}]/);
    },
  );

  it('asks for the TeamsActivity.Send.User resource-specific permission (Application)', () => {
    expect(filled().authorization?.permissions?.resourceSpecific).toContainEqual({
      name: 'TeamsActivity.Send.User',
      type: 'Application',
    });
  });

  it('rejects a broken manifest (groupchat in lower case)', async () => {
    const broken = JSON.parse(
      filledText().replace('"groupChat"', '"groupchat"'),
    ) as TeamsAppManifest;
    const problems = await manifestProblems(broken);
    expect(problems.join('\n')).toMatch(
      /\/bots\/0\/scopes\/2 must be equal to one of the allowed values/,
    );
    await expect(assertValidManifest(broken)).rejects.toBeInstanceOf(ManifestSchemaError);
    expect(network.calls()).toEqual([]);
  });

  it('rejects a command context the schema does not know', async () => {
    const broken = JSON.parse(filledText().replace('"compose"', '"composer"')) as TeamsAppManifest;
    await expect(manifestProblems(broken)).resolves.not.toEqual([]);
  });
});
