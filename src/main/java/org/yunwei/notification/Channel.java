package org.yunwei.notification;

/** Where a notification goes. */
public enum Channel {

	/** The application's own bell. */
	IN_APP,

	/** E-mail over SMTP. */
	EMAIL,

	/** A WeCom (企业微信) group robot. */
	WECOM,

	/** A DingTalk (钉钉) group robot, signed with its secret. */
	DINGTALK,

	/** A Feishu (飞书) custom bot, signed with its secret. */
	FEISHU,

	/**
	 * Any system listening on a URL for JSON, signed with HMAC-SHA256 when a secret is
	 * set.
	 */
	WEBHOOK;

	public String messageKey() {
		return "notification.channel." + name();
	}

	/**
	 * Whether the channel is a shared endpoint (a chat group, a system), not a person.
	 */
	public boolean endpoint() {
		return this != IN_APP && this != EMAIL;
	}

}
