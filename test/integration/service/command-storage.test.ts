import { verifyChain } from '../../../functions/src/infrastructure/tables/hash-chain';
import { cmd, freshServices, meCaseAt, must, who } from '../../support/service-fixture';

async function meCase() {
  const s = await freshServices();
  return { s, id: await meCaseAt(s, 'opened'), ct: who('me-course-tutor') };
}

const target = (text: string) =>
  ({
    type: 'addTarget',
    text,
    actions: ['Act'],
    indicators: ['AI 1.1'],
    monitoring: 'Observation',
    successCriteria: 'Seen twice',
  }) as never;

describe('one command = one point read + one entity-group transaction', () => {
  it('a command costs exactly 2 storage round trips: GET snapshot, POST $batch', async () => {
    const { s, id, ct } = await meCase();
    s.counter.reset();
    must(
      await s.cases.execute(
        ct,
        id,
        {
          type: 'raiseConcern',
          category: 'teaching',
          description: 'Planning weak',
          evidence: null,
          source: null,
          seriousIncident: false,
        },
        cmd(),
      ),
    );
    expect(s.counter.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(s.counter.requests[1]?.url).toContain('$batch');
  });

  it('ME-19: a refused command returns a stable code and a human message, writes nothing, and leaves the case unchanged', async () => {
    const { s, id, ct } = await meCase();
    must(
      await s.cases.execute(
        ct,
        id,
        {
          type: 'raiseConcern',
          category: 'teaching',
          description: 'x',
          evidence: null,
          source: null,
          seriousIncident: false,
        },
        cmd(),
      ),
    );
    must(
      await s.cases.execute(
        ct,
        id,
        {
          type: 'startStage',
          stageId: 'stage-1',
          entryId: 'not-yet-on-trajectory',
          reason: 'Not yet on trajectory',
          overview: '',
          evidence: { writtenReports: [], observationIds: [] },
        },
        cmd(),
      ),
    );
    for (const t of ['A', 'B', 'C']) must(await s.cases.execute(ct, id, target(t), cmd()));
    const before = await s.store.load('mid-essex-itt', id);
    const eventsBefore = await s.store.events('mid-essex-itt', id);
    s.counter.reset();
    const refused = await s.cases.execute(ct, id, target('D'), cmd());
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal.code).toBe('TARGET_LIMIT_REACHED');
      expect(refused.refusal.message).toMatch(/already has 3 targets; the maximum is 3 .*ME-19/);
    }
    expect(s.counter.requests.map((r) => r.method)).toEqual(['GET']);
    const after = await s.store.load('mid-essex-itt', id);
    expect(after?.etag).toBe(before?.etag);
    expect(await s.store.events('mid-essex-itt', id)).toHaveLength(eventsBefore.length);
  });

  it('a retried command id is applied once and answers with the first result', async () => {
    const { s, id, ct } = await meCase();
    const commandId = cmd();
    const command = {
      type: 'addComment',
      text: 'Spoke to the school',
      visibility: 'staff',
    } as never;
    const first = must(await s.cases.execute(ct, id, command, commandId));
    const second = must(await s.cases.execute(ct, id, command, commandId));
    expect(second.events).toEqual(first.events);
    const comments = (await s.store.events('mid-essex-itt', id)).filter(
      (e) => e.type === 'CommentAdded',
    );
    expect(comments).toHaveLength(1);
  });

  it('Z4/Z6: outsiders get NOT_FOUND like a missing case; removing a participant ends access at once', async () => {
    const { s, id, ct } = await meCase();
    const other = await s.cases.getCase(who('bf-mentor'), id);
    const missing = await s.cases.getCase(who('bf-mentor'), 'mid-essex-itt.AAAAAAAAAAAAAAAAAAAAAA');
    expect(other).toEqual(missing);
    const view = must(await s.cases.getCase(ct, id));
    const mentor = view.participants.find((p) => p.role === 'mentor')!;
    expect((await s.cases.getCase(who('me-mentor'), id)).ok).toBe(true);
    must(
      await s.cases.execute(
        ct,
        id,
        { type: 'removeParticipant', participantId: mentor.participantId } as never,
        cmd(),
      ),
    );
    const after = await s.cases.getCase(who('me-mentor'), id);
    expect(!after.ok && after.refusal.code).toBe('NOT_FOUND');
  });

  it('AU2: the audit trail carries actor (tid, oid), UTC time, command, and an unbroken hash chain', async () => {
    const { s, id, ct } = await meCase();
    must(
      await s.cases.execute(
        ct,
        id,
        { type: 'addComment', text: 'Hello', visibility: 'all' } as never,
        cmd(),
      ),
    );
    const history = must(await s.cases.history(ct, id));
    expect(history.at(-1)).toMatchObject({
      type: 'CommentAdded',
      command: 'addComment',
      actor: { tid: ct.tid, oid: ct.oid },
    });
    expect(history.every((h) => h.at.endsWith('Z'))).toBe(true);
    const events = await s.store.events('mid-essex-itt', id);
    events.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? '' : events[i - 1]!.hash);
    });
  });
});

describe('text that some parsers read as line ends', () => {
  it('a comment with U+2028 and U+2029 is stored and read back exactly, chain intact', async () => {
    const { s, id, ct } = await meCase();
    const text = 'First line\u2028second\u2029third';
    must(await s.cases.execute(ct, id, { type: 'addComment', text, visibility: 'all' }, cmd()));
    const view = must(await s.cases.getCase(ct, id));
    expect(view.comments.at(-1)?.text).toBe(text);
    const events = await s.store.events('mid-essex-itt', id);
    const snapshot = await s.store.load('mid-essex-itt', id);
    expect(verifyChain(events, snapshot)).toEqual({ ok: true });
  });
});

describe('validation at the service, whichever channel calls it', () => {
  it('V3: refuses control characters and over-long text with VALIDATION_FAILED, storing nothing', async () => {
    const { s, id, ct } = await meCase();
    const before = (await s.store.events('mid-essex-itt', id)).length;
    for (const text of ['bell\u0007', 'next line\u0085', 'x'.repeat(10_001)]) {
      const refused = await s.cases.execute(
        ct,
        id,
        { type: 'addComment', text, visibility: 'all' },
        cmd(),
      );
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.refusal.code).toBe('VALIDATION_FAILED');
        expect(refused.refusal.message).toContain('(text)');
      }
    }
    expect(await s.store.events('mid-essex-itt', id)).toHaveLength(before);
  });

  it('stores text normalised (NFC, trimmed) exactly as the API would', async () => {
    const { s, id, ct } = await meCase();
    must(
      await s.cases.execute(
        ct,
        id,
        { type: 'addComment', text: '  Cafe\u0301  ', visibility: 'all' },
        cmd(),
      ),
    );
    expect(must(await s.cases.getCase(ct, id)).comments.at(-1)?.text).toBe('Caf\u00e9');
  });
});

describe('request ids', () => {
  it('a request id reused for a different command is refused with CONFLICT and writes nothing', async () => {
    const { s, id, ct } = await meCase();
    const commandId = cmd();
    must(
      await s.cases.execute(
        ct,
        id,
        { type: 'addComment', text: 'First', visibility: 'staff' } as never,
        commandId,
      ),
    );
    const before = (await s.store.events('mid-essex-itt', id)).length;
    const reused = await s.cases.execute(
      ct,
      id,
      { type: 'addComment', text: 'Different', visibility: 'staff' } as never,
      commandId,
    );
    expect(!reused.ok && reused.refusal.code).toBe('CONFLICT');
    expect(await s.store.events('mid-essex-itt', id)).toHaveLength(before);
  });
});
