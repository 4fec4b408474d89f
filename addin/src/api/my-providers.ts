import * as z from 'zod/mini';

/** `GET /api/me/providers`: the providers whose staff the caller is, and the views they may open. */
export const myProvidersSchema = z.object({
  providers: z.catch(
    z.array(
      z.object({
        providerId: z.string(),
        name: z.string(),
        views: z.catch(z.array(z.string()), []),
      }),
    ),
    [],
  ),
});

/** A provider as the navigation shows it. */
export type MyProvider = z.infer<typeof myProvidersSchema>['providers'][number];
