package org.yunwei.platform.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of one entry and of one seal. An entry's hash covers every field it stores, so
 * any change to a stored entry is detected; a seal's hash chains the previous seal with
 * the ids and hashes of the entries of its range.
 */
final class AuditHashing {

	private static final char SEP = '\u001f';

	private AuditHashing() {
	}

	/**
	 * Databases keep microseconds: entries are stamped at that precision so the hash
	 * survives.
	 */
	static Instant stamp(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	static String entryHash(AuditRecord r) {
		StringBuilder sb = new StringBuilder(256);
		sb.append(r.occurredAt().toString()).append(SEP);
		sb.append(nz(r.actor())).append(SEP).append(r.actorId() == null ? "" : r.actorId()).append(SEP);
		sb.append(nz(r.sourceIp())).append(SEP).append(r.action()).append(SEP);
		sb.append(nz(r.recordType())).append(SEP).append(nz(r.recordId())).append(SEP);
		sb.append(nz(r.summary())).append(SEP).append(nz(r.changes()));
		return sha256(sb.toString());
	}

	static MessageDigest sealDigest(String previousHash) {
		MessageDigest digest = newDigest();
		digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
		return digest;
	}

	static void addToSeal(MessageDigest digest, long entryId, String entryHash) {
		digest.update(("\n" + entryId + ":" + entryHash).getBytes(StandardCharsets.US_ASCII));
	}

	static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

	static String sha256(String text) {
		return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
