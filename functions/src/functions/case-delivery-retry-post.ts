import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/deliveries/{effectId}/retry`: re-send a failed invitation or notification (`retryDelivery`). */
export const caseDeliveryRetryPost = commandRoute({
  name: 'case-delivery-retry-post',
  method: 'POST',
  route: 'cases/{caseId}/deliveries/{effectId}/retry',
  type: 'retryDelivery',
  summary: 'Retry a failed delivery (meeting invitation, cancellation or notification)',
});
