package org.yunwei.platform.web;

/** A request body larger than the API accepts (413). */
public class PayloadTooLarge extends RuntimeException {

	private final long limit;

	public PayloadTooLarge(long limit) {
		super("request body larger than " + limit + " bytes");
		this.limit = limit;
	}

	public long limit() {
		return this.limit;
	}

}
