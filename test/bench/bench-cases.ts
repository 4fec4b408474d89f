import { randomUUID } from 'node:crypto';
import type { AppServices } from '../../functions/src/services/create-case-service';
import { as, person, who } from '../support/service-fixture';

/** Opens a Mid Essex case for the demo trainee as the course tutor, with these participants. */
export async function openBenchCase(
  services: AppServices,
  participants: readonly string[],
): Promise<string> {
  const opened = await services.cases.openCase(
    who('me-course-tutor'),
    'mid-essex-itt',
    {
      trainee: {
        ...person('me-trainee-1'),
        route: 'secondary',
        subject: 'Maths',
        school: 'X',
        placement: 'A',
      },
      participants: participants.map((p) => as(p)),
    },
    randomUUID(),
  );
  if (!opened.ok) throw new Error(opened.refusal.message);
  return opened.value.caseId;
}
