package org.yunwei.workitem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments over REST: a Chinese-named PDF attached and downloaded as an attachment
 * with its checked type, a renamed executable refused, nothing for someone who cannot see
 * the record, and removal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aFileIsAttachedCheckedAndDownloadedOnlyByThoseWhoSeeTheRecord() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		String manager = api.token(people.create("mgr", null, "OM_MANAGER").username(), TestUsers.PASSWORD);
		String outsider = api.token(people.create("eng", null, "ENGINEER").username(), TestUsers.PASSWORD);
		String number = api
			.post("/api/v1/work-items", manager,
					Api.json(Map.of("type", "routine", "fields", Map.of("title", "UPS 巡检"))))
			.json()
			.get("number")
			.asString();

		byte[] pdf = "%PDF-1.4\n巡检报告".getBytes(StandardCharsets.UTF_8);
		String attachments = "/api/v1/work-items/" + number + "/attachments";
		Api.Response uploaded = api.upload(attachments, manager, "UPS巡检报告.pdf", pdf);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		long id = uploaded.json().get("id").asLong();

		Api.Response exe = api.upload(attachments, manager, "invoice.pdf", new byte[] { 'M', 'Z', 0, 0 });
		assertThat(exe.status()).isEqualTo(422);
		assertThat(exe.body()).contains("is not what its name says it is");

		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/work-items/" + number
						+ "/attachments/" + id + "/content"))
				.header("Authorization", "Bearer " + manager)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("UTF-8''UPS%E5%B7%A1%E6%A3%80%E6%8A%A5%E5%91%8A.pdf");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		assertThat(api.get("/api/v1/work-items/" + number + "/attachments/" + id + "/content", outsider).status())
			.isEqualTo(404);
		JsonNode journal = api.get("/api/v1/work-items/" + number + "/journal", manager).json();
		assertThat(journal.get(journal.size() - 1).get("changes").get(0).get("after").asString())
			.isEqualTo("UPS巡检报告.pdf");

		assertThat(api.delete("/api/v1/work-items/" + number + "/attachments/" + id, manager).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/work-items/" + number + "/attachments", manager).json().size()).isZero();
	}

}
