import type { Role } from '@shared/domain/roles';

/** The local tenant: the demo providers' own staff and trainees. */
export const localTenantId = '11111111-1111-4111-8111-111111111111';

/** A partner school's tenant: school mentors sign in from here. */
export const partnerSchoolTenantId = '22222222-2222-4222-8222-222222222222';

/** The client id of the local Entra app stand-in (AUTH_CLIENT_ID in local mode). */
export const localClientId = '33333333-3333-4333-8333-333333333333';

/** Provider ids of the demo seed. */
export const demoProviderIds = {
  brightFutures: 'bright-futures-scitt',
  midEssex: 'mid-essex-itt',
} as const;

/** Someone you can sign in as locally. */
export interface DemoPersona {
  /** Stable id used by the persona picker and `POST /local-idp/token`. */
  readonly id: string;
  readonly name: string;
  readonly tid: string;
  readonly oid: string;
  readonly providerId: string;
  readonly role: Role;
  /** What the provider calls the role. */
  readonly title: string;
}

function persona(
  id: string,
  n: number,
  providerId: string,
  role: Role,
  title: string,
  name: string,
  school = false,
): DemoPersona {
  const prefix = providerId === demoProviderIds.brightFutures ? 'b' : 'e';
  const oid = `${prefix}0000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
  return {
    id,
    name,
    tid: school ? partnerSchoolTenantId : localTenantId,
    oid,
    providerId,
    role,
    title,
  };
}

const bf = demoProviderIds.brightFutures;
const me = demoProviderIds.midEssex;

/** One persona per role for each demo provider (fixed GUIDs, so seeds and tests can name them). */
export const demoPersonas: readonly DemoPersona[] = [
  persona('bf-programme-lead', 1, bf, 'programmeLead', 'Programme lead', 'Priya Shah'),
  persona('bf-director', 2, bf, 'director', 'Director', 'David Okafor'),
  persona('bf-mentor', 3, bf, 'mentor', 'Mentor', 'Megan Price', true),
  persona(
    'bf-professional-mentor',
    4,
    bf,
    'professionalMentor',
    'Professional mentor',
    'Paul Hughes',
    true,
  ),
  persona('bf-trainee-1', 11, bf, 'trainee', 'Trainee', 'Tom Barker'),
  persona('bf-trainee-2', 12, bf, 'trainee', 'Trainee', 'Aisha Begum'),
  persona('bf-trainee-3', 13, bf, 'trainee', 'Trainee', 'Liam Walsh'),
  persona('me-course-tutor', 1, me, 'courseTutor', 'Course tutor', 'Claire Fenton'),
  persona('me-lead-subject-tutor', 2, me, 'leadSubjectTutor', 'Lead subject tutor', 'Sanjay Patel'),
  persona(
    'me-professional-tutor',
    3,
    me,
    'professionalMentor',
    'Professional tutor',
    'Helen Moss',
    true,
  ),
  persona('me-mentor', 4, me, 'mentor', 'Mentor', 'Gareth Jones', true),
  persona('me-director', 5, me, 'director', 'Director', 'Ruth Adeyemi'),
  persona('me-trainee-1', 11, me, 'trainee', 'Trainee', 'Emily Clarke'),
  persona('me-trainee-2', 12, me, 'trainee', 'Trainee', 'Josh Turner'),
  persona('me-trainee-3', 13, me, 'trainee', 'Trainee', 'Zara Ahmed'),
];

/** Tenants the demo personas sign in from. */
export const demoTenantIds: readonly string[] = [localTenantId, partnerSchoolTenantId];

/** Someone who signs in locally with Entra app roles and no place in any provider's staff. */
export interface LocalOperator {
  readonly id: string;
  readonly name: string;
  readonly tid: string;
  readonly oid: string;
  /** App roles the local sign-in puts in the token's `roles` claim. */
  readonly appRoles: readonly string[];
}

/**
 * The deployment's operator in local mode: holds the Entra app role `Deployment.Admin`, the only
 * one allowed to add a provider or a tenant (issue 8 item 2). On no provider's staff.
 */
export const deploymentOperator: LocalOperator = {
  id: 'deployment-operator',
  name: 'Olivia Grant',
  tid: localTenantId,
  oid: 'a0000000-0000-4000-8000-000000000001',
  appRoles: ['Deployment.Admin'],
};
