// A ticket that is not about one bounce but about the service itself (e.g. the hourly budget's
// summary): our own words only, so every ticket system may show it as it is.

export interface TicketNotice {
  /** Stable per notice: the Idempotency-Key and the ticket's external id. */
  externalId: string;
  title: string;
  /** Plain text, several lines. */
  body: string;
  tags: string[];
}
