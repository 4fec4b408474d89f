import { AppManifestUtils, type TeamsManifestV1D24 } from '@microsoft/app-manifest';
import { ManifestSchemaError } from './packaging-errors';

/** The manifest shape the template targets (Teams manifest v1.24). */
export type TeamsAppManifest = TeamsManifestV1D24.TeamsManifestV1D24;

/**
 * Schema problems of a Teams manifest, checked against the schema `@microsoft/app-manifest`
 * bundles for the manifest's `$schema` (no download for developer.microsoft.com schemas).
 */
export async function manifestProblems(manifest: TeamsAppManifest): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/** Throws `ManifestSchemaError` listing every problem when the manifest is invalid. */
export async function assertValidManifest(manifest: TeamsAppManifest): Promise<void> {
  const problems = await manifestProblems(manifest);
  if (problems.length > 0) throw new ManifestSchemaError(problems);
}
