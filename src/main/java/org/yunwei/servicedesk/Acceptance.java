package org.yunwei.servicedesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The requester accepts the result and rates it (1–5), with an optional comment. */
public record Acceptance(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment, Integer version) {
}
