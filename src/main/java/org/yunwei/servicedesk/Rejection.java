package org.yunwei.servicedesk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The requester sends the ticket back: the result is not what they needed, and why. */
public record Rejection(@NotBlank @Size(max = 20000) String reason, Integer version) {
}
