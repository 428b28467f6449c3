package org.yunwei.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import org.yunwei.platform.ValidationFailed;

/**
 * The kernel's one store of uploaded files (work-item attachments, document files …),
 * under {@code <data dir>/attachments/<year>/<uuid>}. A file is accepted only when its
 * extension is on the allow-list and its first bytes match what the extension claims (no
 * executable renamed to .pdf, no HTML or SVG that a browser would run); its name is
 * reduced to a safe one; its size is limited ({@code yunwei.attachments.max-size}).
 */
@Component
public class FileStore {

	/** Allowed extensions and the content type they are served as. */
	static final Map<String, String> TYPES = Map.ofEntries(Map.entry("pdf", "application/pdf"),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("gif", "image/gif"), Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"),
			Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"), Map.entry("json", "application/json"),
			Map.entry("xml", "application/xml"), Map.entry("zip", "application/zip"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("eml", "message/rfc822"));

	private final Path root;

	private final long maxSize;

	FileStore(@Value("${yunwei.data-dir}") String dataDir,
			@Value("${yunwei.attachments.max-size:20MB}") DataSize maxSize) {
		this.root = Path.of(dataDir).toAbsolutePath().resolve("attachments");
		this.maxSize = maxSize.toBytes();
	}

	/** A stored file: where it is, its checked type, size and digest. */
	public record Stored(String key, String fileName, String contentType, long size, String sha256) {
	}

	public Stored store(String originalName, byte[] bytes) {
		String name = safeName(originalName);
		if (bytes.length == 0) {
			throw new ValidationFailed("file", "attachment.error.empty");
		}
		if (bytes.length > this.maxSize) {
			throw new ValidationFailed("file", "attachment.error.tooLarge",
					DataSize.ofBytes(this.maxSize).toMegabytes());
		}
		String extension = extension(name);
		String type = TYPES.get(extension);
		if (type == null) {
			throw new ValidationFailed("file", "attachment.error.type", extension.isEmpty() ? "—" : extension);
		}
		if (!contentMatches(extension, bytes)) {
			throw new ValidationFailed("file", "attachment.error.content", name);
		}
		String key = LocalDate.now().getYear() + "/" + UUID.randomUUID();
		Path target = this.root.resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Files.write(target, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store an attachment", ex);
		}
		return new Stored(key, name, type, bytes.length, sha256(bytes));
	}

	/**
	 * Stores a file written as part of the current transaction: if that transaction rolls
	 * back, the file is removed again, so no orphan stays on disk.
	 */
	public Stored storeInTransaction(String originalName, byte[] bytes) {
		Stored stored = store(originalName, bytes);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					delete(stored.key());
				}
			}
		});
		return stored;
	}

	/**
	 * Removes a file once the current transaction has committed (its record is gone for
	 * good); on rollback the file stays with its record.
	 */
	public void deleteAfterCommit(String key) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					delete(key);
				}
			}
		});
	}

	public InputStream open(String key) throws IOException {
		Path file = this.root.resolve(key).normalize();
		if (!file.startsWith(this.root)) {
			throw new IOException("outside the attachment store: " + key);
		}
		return Files.newInputStream(file);
	}

	public void delete(String key) {
		try {
			Files.deleteIfExists(this.root.resolve(key).normalize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The last path segment without control or reserved characters, at most 150
	 * characters, never empty; Chinese names stay as they are.
	 */
	static String safeName(String original) {
		String name = (original == null) ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.length() > 150) {
			String ext = extension(name);
			name = name.substring(0, 150 - ext.length() - 1) + "." + ext;
		}
		return name.isBlank() ? "file" : name;
	}

	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean contentMatches(String extension, byte[] b) {
		switch (extension) {
			case "pdf":
				return startsWith(b, "%PDF".getBytes());
			case "png":
				return startsWith(b, new byte[] { (byte) 0x89, 'P', 'N', 'G' });
			case "jpg":
			case "jpeg":
				return startsWith(b, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
			case "gif":
				return startsWith(b, "GIF8".getBytes());
			case "zip":
			case "docx":
			case "xlsx":
			case "pptx":
				return startsWith(b, new byte[] { 'P', 'K', 3, 4 });
			case "doc":
			case "xls":
				return startsWith(b, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });
			case "eml":
				// a mail (served as message/rfc822, never rendered): its headers hold no
				// NUL
				return b.length > 0
						&& java.util.stream.IntStream.range(0, Math.min(b.length, 8192)).noneMatch((i) -> b[i] == 0);
			default:
				// text: no NUL bytes, no markup a browser would render as a page
				return isText(b);
		}
	}

	private static boolean isText(byte[] b) {
		int n = Math.min(b.length, 8192);
		for (int i = 0; i < n; i++) {
			if (b[i] == 0) {
				return false;
			}
		}
		String head = new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
		return !head.contains("<script") && !head.contains("<html") && !head.contains("<svg");
	}

	private static boolean startsWith(byte[] b, byte[] prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (b[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
