import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';

/** A Teams SDK route registered on the adapter was asked for but never registered. */
export class BotRouteMissingError extends Error {
  override readonly name = 'BotRouteMissingError';
}

/**
 * The transport seam between the Teams SDK and our route table: `app.initialize()` registers its
 * handlers here, and our HTTP trigger calls them. It never listens itself (no `start`).
 */
export class FunctionsServerAdapter implements IHttpServerAdapter {
  private readonly handlers = new Map<string, HttpRouteHandler>();

  /** Stores the SDK's pure `({ body, headers }) -> { status, body }` handler. */
  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.handlers.set(`${method} ${path}`, handler);
  }

  /** The handler the SDK registered for a path; throws if initialisation did not register it. */
  handler(method: HttpMethod, path: string): HttpRouteHandler {
    const handler = this.handlers.get(`${method} ${path}`);
    if (handler === undefined)
      throw new BotRouteMissingError(`The Teams SDK registered nothing for ${method} ${path}.`);
    return handler;
  }
}
