import { openCaseSchema } from '@shared/domain/commands';
import { staffMemberSchema } from '@shared/procedures/provider-settings';
import { entraIdSchema, entraIdentitySchema } from '@shared/schemas/text';

// Issue 8 item 3: every boundary parses Entra ids into one normal form (lower case, trimmed).
const id = 'e0000000-0000-4000-8000-00000000ABCD';

describe('Entra ids are normalised where they enter (issue 8 item 3)', () => {
  it.each([id, id.toLowerCase(), ` ${id} `, 'E0000000-0000-4000-8000-00000000aBcD'])(
    '%s parses to its lower-case form',
    (input) => {
      expect(entraIdSchema().parse(input)).toBe(id.toLowerCase());
    },
  );

  it('anything but a GUID is refused with the message given', () => {
    expect(
      entraIdSchema('oid must be a GUID').safeParse('not-a-guid').error?.issues[0]?.message,
    ).toBe('oid must be a GUID');
  });

  it('commands, identities and provider staff all keep the lower-case form', () => {
    const upper = { tid: id, oid: id.toUpperCase() };
    expect(entraIdentitySchema.parse(upper)).toEqual({
      tid: id.toLowerCase(),
      oid: id.toLowerCase(),
    });
    const staff = staffMemberSchema.parse({ ...upper, name: 'A', role: 'director' });
    expect([staff.tid, staff.oid]).toEqual([id.toLowerCase(), id.toLowerCase()]);
    const opened = openCaseSchema.parse({
      trainee: {
        name: 'T',
        ...upper,
        route: 'secondary',
        subject: 's',
        school: 's',
        placement: 'p',
      },
      participants: [{ role: 'mentor', name: 'M', ...upper }],
    });
    expect([opened.trainee.oid, opened.participants[0]?.tid]).toEqual([
      id.toLowerCase(),
      id.toLowerCase(),
    ]);
  });
});
