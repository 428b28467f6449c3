package org.yunwei.notification;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An endpoint as its form and REST edit it. On an update a blank URL or secret keeps the
 * one stored (they are never sent back to the browser); {@code clearSecret} removes it.
 */
public class EndpointFormData {

	@NotBlank
	@Size(max = 100)
	private String name;

	@NotNull
	private Channel kind = Channel.DINGTALK;

	@Size(max = 1000)
	@Pattern(regexp = "(https?://\\S+)?", message = "{notification.error.url}")
	private String url;

	@Size(max = 500)
	private String secret;

	private boolean clearSecret;

	private List<String> events = new ArrayList<>();

	@Pattern(regexp = "zh|en")
	private String language = "zh";

	private boolean active = true;

	private Integer version;

	public static EndpointFormData of(EndpointView v) {
		EndpointFormData f = new EndpointFormData();
		f.name = v.name();
		f.kind = v.kind();
		f.events = new ArrayList<>(v.events());
		f.language = v.language();
		f.active = v.active();
		f.version = v.version();
		return f;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Channel getKind() {
		return this.kind;
	}

	public void setKind(Channel kind) {
		this.kind = kind;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public boolean isClearSecret() {
		return this.clearSecret;
	}

	public void setClearSecret(boolean clearSecret) {
		this.clearSecret = clearSecret;
	}

	public List<String> getEvents() {
		return this.events;
	}

	public void setEvents(List<String> events) {
		this.events = events;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
