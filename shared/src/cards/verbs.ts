/**
 * Every `Action.Execute` verb our cards send, shared by the card builders and the bot's routing
 * table so a card can never name a verb the bot does not route.
 */
export const verbs = {
  refreshCase: 'refreshCase',
  openCase: 'openCase',
  openSignPlan: 'openSignPlan',
  signPlan: 'signPlan',
  openScheduleMeeting: 'openScheduleMeeting',
  scheduleMeeting: 'scheduleMeeting',
  openReview: 'openReview',
  recordReview: 'recordReview',
  openRaiseConcern: 'openRaiseConcern',
  submitConcern: 'submitConcern',
  myCases: 'myCases',
  dueThisWeek: 'dueThisWeek',
  help: 'help',
  retryDelivery: 'retryDelivery',
  acknowledgeConcern: 'acknowledgeConcern',
} as const;

/** A verb a card can send. */
export type CardVerb = (typeof verbs)[keyof typeof verbs];

/** Every verb, for tables keyed by verb. */
export const cardVerbs: readonly CardVerb[] = Object.values(verbs);

/** The message-extension action command id (manifest `composeExtensions[].commands[].id`). */
export const raiseConcernCommandId = 'raiseConcern';
