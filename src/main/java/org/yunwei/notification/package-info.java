/**
 * Notifications: what happens to a record reaches the people concerned in the application
 * (the bell), by e-mail, and in the chat groups of WeCom (企业微信), DingTalk (钉钉, signed)
 * and Feishu (飞书) or any system listening on a JSON webhook — from templates per event
 * and language, as each person chooses. Deliveries go through an outbox with retries and
 * a delivery log, so a failing channel never blocks or undoes the business transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.yunwei.notification;
