/** Any JSON value a card may hold. */
export type CardJson =
  | string
  | number
  | boolean
  | null
  | readonly CardJson[]
  | { readonly [key: string]: CardJson | undefined };

/** One card element, input or action (Adaptive Cards 1.5 JSON). */
export interface CardElement {
  readonly type: string;
  readonly [key: string]: CardJson | undefined;
}

/** The data an action carries back: the verb and ids only, never the actor or a role. */
export type ActionData = Readonly<Record<string, string | number>> & { readonly verb: string };

/** An `Action.Execute` (Universal Action). */
export interface ExecuteAction extends CardElement {
  readonly type: 'Action.Execute';
  readonly verb: string;
  readonly data: ActionData;
}

/** `refresh`: which users' clients re-fetch their own view of the card (at most 60 MRIs). */
export interface CardRefresh {
  readonly action: ExecuteAction;
  readonly userIds: readonly string[];
}

/** A whole Adaptive Card, version 1.5. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly refresh?: CardRefresh;
  readonly msteams?: { readonly width: 'Full' };
  readonly [key: string]: CardJson | CardRefresh | undefined;
}
