import { z } from 'zod';
import { roles, type Role } from './role-ids';

export { roles, type Role };

/** Zod schema for a role. */
export const roleSchema = z.enum(roles);

/** Roles held by school staff (the partner school, often another tenant). */
export const schoolRoles: readonly Role[] = ['mentor', 'professionalMentor'];

/** Roles held by the provider's own staff. */
export const providerStaffRoles: readonly Role[] = [
  'courseTutor',
  'leadSubjectTutor',
  'programmeLead',
  'director',
];

/** Roles that may act for the whole provider, not only for cases they are named in. */
export const providerWideRoles: readonly Role[] = ['programmeLead', 'director'];

/** Default labels, used where a provider does not name a role its own way. */
export const defaultRoleLabels: Readonly<Record<Role, string>> = {
  trainee: 'Trainee',
  mentor: 'Mentor',
  professionalMentor: 'Professional Mentor',
  courseTutor: 'Course Tutor',
  leadSubjectTutor: 'Lead Subject Tutor',
  programmeLead: 'Programme Lead',
  director: 'Director',
};
