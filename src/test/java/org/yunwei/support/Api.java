package org.yunwei.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny REST client for the tests: real HTTP against the running application. */
public final class Api {

	public static final String ADMIN_PASSWORD = "Test-Admin-Pass-2026!";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A response: status, content type and body parsed as JSON (or null). */
	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return (this.body == null || this.body.isBlank()) ? null : JsonMapper.shared().readTree(this.body);
		}

	}

	public String token(String username, String password) {
		Response r = post("/api/v1/auth/token", null,
				JsonMapper.shared().writeValueAsString(Map.of("username", username, "password", password)));
		if (r.status() != 200) {
			throw new IllegalStateException("no token for " + username + ": " + r.body());
		}
		return r.json().get("token").asString();
	}

	public Response get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), token);
	}

	public Response post(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)), token);
	}

	public Response put(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)), token);
	}

	public Response patch(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)), token);
	}

	public Response delete(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).DELETE(), token);
	}

	public Response send(HttpRequest.Builder builder, String token) {
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		builder.header("Accept-Language", "en");
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Uploads one file as the multipart field {@code file}. */
	public Response upload(String path, String token, String fileName, byte[] content) {
		String boundary = "----yw" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
	}

	/** A file download: the raw bytes of a 200 answer. */
	public byte[] download(String path, String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String json(Object value) {
		return JsonMapper.shared().writeValueAsString(value);
	}

}
