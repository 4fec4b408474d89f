/**
 * Every role a support procedure can give a person. Providers label them. Kept free of
 * zod so that the tab can import the list without the schema library.
 */
export const roles = [
  'trainee',
  'mentor',
  'professionalMentor',
  'courseTutor',
  'leadSubjectTutor',
  'programmeLead',
  'director',
] as const;

/** A role in a case or at a provider. */
export type Role = (typeof roles)[number];
