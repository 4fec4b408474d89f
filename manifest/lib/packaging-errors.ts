/** Packaging the Teams app failed for a reason the person running it can fix. */
export abstract class ManifestPackagingError extends Error {}

/** A required environment variable is absent or blank. */
export class MissingEnvVarError extends ManifestPackagingError {
  override readonly name = 'MissingEnvVarError';

  constructor(
    readonly variable: string,
    hint: string,
  ) {
    super(`Missing environment variable ${variable}: ${hint}.`);
  }
}

/** An environment variable is set but not in the expected form. */
export class InvalidEnvVarError extends ManifestPackagingError {
  override readonly name = 'InvalidEnvVarError';

  constructor(
    readonly variable: string,
    expected: string,
  ) {
    super(`Invalid environment variable ${variable}: expected ${expected}.`);
  }
}

/** The template still holds a `{{PLACEHOLDER}}` that no value filled. */
export class UnfilledPlaceholderError extends ManifestPackagingError {
  override readonly name = 'UnfilledPlaceholderError';

  constructor(readonly placeholders: readonly string[]) {
    super(`The manifest template has placeholders without a value: ${placeholders.join(', ')}.`);
  }
}

/** The filled manifest does not match the Teams manifest schema it names. */
export class ManifestSchemaError extends ManifestPackagingError {
  override readonly name = 'ManifestSchemaError';

  constructor(readonly problems: readonly string[]) {
    super(`The Teams app manifest is invalid:\n  ${problems.join('\n  ')}`);
  }
}

/** A ZIP entry cannot be written (bad name, duplicate, too large). */
export class ZipInputError extends ManifestPackagingError {
  override readonly name = 'ZipInputError';
}
