import { z } from 'zod';

// C0/C1 controls except tab, LF, CR; bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069).
const forbidden =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Length limits for free text, well inside Table Storage's 32K UTF-16 property limit (C7, V2). */
export const textLimits = { short: 200, medium: 2_000, long: 10_000 } as const;

/** Free text: NFC-normalised, no control characters, bidi overrides or lone surrogates (V3). */
export function safeText(max: number, min = 1) {
  return z
    .string()
    .max(max, { message: `must be at most ${max} characters` }) // also documents maxLength in OpenAPI
    .refine((s) => !loneSurrogate.test(s), { message: 'contains an unpaired surrogate character' })
    .transform((s) => s.normalize('NFC').trim())
    .refine((s) => !forbidden.test(s), {
      message: 'contains control or text-direction characters',
    })
    .refine((s) => s.length >= min, {
      message: min === 1 ? 'must not be empty' : `must be at least ${min} characters`,
    })
    .refine((s) => s.length <= max, { message: `must be at most ${max} characters` });
}

/** Opaque identifiers we generate: 8–64 URL-safe characters. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an identifier of 8–64 letters, digits, - or _');

/** A provider id: lower-case kebab, 2–40 characters. */
export const providerIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a provider id such as mid-essex-itt');

/** A case id: `{providerId}.{random}` so the provider's partition is known from the id alone. */
export const caseIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}\.[A-Za-z0-9_-]{16,40}$/, 'must be a case id');

/** A civil date, YYYY-MM-DD, that exists on the calendar. */
export const civilDateSchema = z.iso.date({ message: 'must be a date in the form YYYY-MM-DD' });

/** A UTC instant. */
export const instantSchema = z.iso.datetime({ message: 'must be an ISO-8601 date-time' });

/**
 * An Entra id (tenant or object id) in its one normal form: Entra issues GUIDs lower-case in
 * tokens, while people and other systems may type them upper- or mixed-case. Every boundary
 * parses ids with this, so ids are compared only in normal form (issue 8 item 3).
 */
export function normaliseEntraId(id: string): string {
  return id.trim().toLowerCase();
}

/** A GUID, accepted in any letter case and trimmed, given back lower-case. */
export function entraIdSchema(message = 'must be a GUID') {
  return z.string().trim().pipe(z.guid({ message })).transform(normaliseEntraId);
}

/** An Entra identity: tenant id and object id, both GUIDs (normalised to lower case). */
export const entraIdentitySchema = z.strictObject({
  tid: entraIdSchema('tid must be a GUID'),
  oid: entraIdSchema('oid must be a GUID'),
});

/** An email address. */
export const emailSchema = z.email({ message: 'must be an email address' }).max(254);
