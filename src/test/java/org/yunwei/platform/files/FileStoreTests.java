package org.yunwei.platform.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import org.yunwei.platform.ValidationFailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the attachment store accepts, refuses and how it names files. */
class FileStoreTests {

	@TempDir
	Path dir;

	private FileStore store() {
		return new FileStore(this.dir.toString(), DataSize.ofKilobytes(64));
	}

	@Test
	void namesLoseTheirPathAndReservedCharactersButKeepChinese() {
		assertThat(FileStore.safeName("C:\\Users\\张三\\巡检记录.pdf")).isEqualTo("巡检记录.pdf");
		assertThat(FileStore.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileStore.safeName("a<b>:c?.txt")).isEqualTo("a_b__c_.txt");
		assertThat(FileStore.safeName(".hidden.log")).isEqualTo("hidden.log");
		assertThat(FileStore.safeName("")).isEqualTo("file");
		assertThat(FileStore.safeName("长".repeat(300) + ".pdf")).hasSize(150).endsWith(".pdf");
	}

	@Test
	void aFileMustBeWhatItsNameSays() {
		FileStore store = store();
		byte[] pdf = "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII);
		FileStore.Stored stored = store.store("报告.pdf", pdf);
		assertThat(stored.contentType()).isEqualTo("application/pdf");
		assertThat(stored.sha256()).hasSize(64);
		assertThat(this.dir.resolve("attachments").resolve(stored.key())).exists();

		byte[] exe = { 'M', 'Z', (byte) 0x90, 0 };
		assertThatThrownBy(() -> store.store("invoice.pdf", exe)).isInstanceOf(ValidationFailed.class)
			.hasMessageContaining("attachment.error.content");
		assertThatThrownBy(() -> store.store("setup.exe", exe)).hasMessageContaining("attachment.error.type");
		assertThatThrownBy(() -> store.store("page.html", "<html>".getBytes()))
			.hasMessageContaining("attachment.error.type");
		assertThatThrownBy(() -> store.store("notes.txt", "<script>alert(1)</script>".getBytes()))
			.hasMessageContaining("attachment.error.content");
		assertThat(store.store("巡检.log", "温度 23℃\n湿度 45%".getBytes(StandardCharsets.UTF_8)).contentType())
			.isEqualTo("text/plain");
	}

	@Test
	void emptyAndOversizedFilesAreRefused() {
		FileStore store = store();
		assertThatThrownBy(() -> store.store("a.txt", new byte[0])).hasMessageContaining("attachment.error.empty");
		assertThatThrownBy(() -> store.store("a.txt", "x".repeat(70_000).getBytes()))
			.hasMessageContaining("attachment.error.tooLarge");
	}

}
