package org.yunwei.servicedesk;

import java.time.Instant;

/** A requester's rating of a ticket's result (1–5) with their comment. */
public record Satisfaction(int rating, String comment, String ratedBy, Instant ratedAt) {
}
